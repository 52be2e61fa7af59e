import { describe, expect, it } from 'vitest';
import {
  type CandidateIdentityInput,
  candidateKeys,
  conflictBetween,
  evaluatorConflictKeys,
  normalizeName,
} from '../../src/modules/portfolios/rules/conflicts.js';

const candidate = (o: Partial<CandidateIdentityInput> = {}) =>
  candidateKeys({
    email: 'Robin.Reader@Example.org',
    displayName: 'Robin Reader',
    names: [{ givenName: 'Robin', familyName: 'Reader' }],
    employers: ['Springfield Public Library'],
    libraries: ['Example County Library', "Shelbyville Children's Library"],
    ...o,
  });

const evaluator = (
  employer: string | null,
  declared: Array<[kind: 'library' | 'person', value: string]> = [],
) => evaluatorConflictKeys({ employer, declared: declared.map(([kind, value]) => ({ kind, value })) });

describe('normalizeName', () => {
  it.each([
    ['Springfield Public Library', 'springfield public library'],
    ['  SPRINGFIELD   public\tlibrary ', 'springfield public library'],
    ['The Springfield Public Library', 'springfield public library'],
    ['Springfield Public Library, The', 'springfield public library the'],
    ['Springfield Public-Library.', 'springfield public library'],
    ["Shelbyville Children's Library", 'shelbyville childrens library'],
    ['Shelbyville Children’s Library', 'shelbyville childrens library'],
    ['Arts & Letters Library', 'arts and letters library'],
    ['Bibliothèque Québécoise', 'bibliotheque quebecoise'],
    ['Theodore Library', 'theodore library'],
    ['The', ''],
    ['...', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe('conflictBetween', () => {
  it('finds none for an unrelated evaluator', () => {
    expect(
      conflictBetween(evaluator('Capital City Library', [['library', 'Ogdenville Library']]), candidate()),
    ).toBe(null);
  });

  it("matches the candidate's employer against the evaluator's own library, ignoring case and punctuation", () => {
    expect(conflictBetween(evaluator('the springfield public library.'), candidate())).toBe('employer');
  });

  it("matches a library from the candidate's experience against the evaluator's own library", () => {
    expect(conflictBetween(evaluator('EXAMPLE COUNTY LIBRARY'), candidate())).toBe('employer');
    expect(conflictBetween(evaluator('Shelbyville Childrens Library'), candidate())).toBe('employer');
  });

  it('matches a declared library against the employer or any experience library', () => {
    expect(conflictBetween(evaluator(null, [['library', 'Springfield Public Library']]), candidate())).toBe(
      'declared_library',
    );
    expect(
      conflictBetween(evaluator('Elsewhere', [['library', 'example county library']]), candidate()),
    ).toBe('declared_library');
  });

  it('matches a declared person by email, in any case', () => {
    expect(conflictBetween(evaluator(null, [['person', ' ROBIN.READER@example.ORG ']]), candidate())).toBe(
      'declared_person',
    );
  });

  it('matches a declared person by name in either order, or by the display name', () => {
    for (const name of ['Robin Reader', 'reader, robin', 'READER Robin']) {
      expect(conflictBetween(evaluator(null, [['person', name]]), candidate())).toBe('declared_person');
    }
    const renamed = candidate({ displayName: 'Bobbie Reader', names: [] });
    expect(conflictBetween(evaluator(null, [['person', 'Bobbie Reader']]), renamed)).toBe('declared_person');
  });

  it('checks every application name (an earlier rejected application too)', () => {
    const c = candidate({
      names: [
        { givenName: 'Robin', familyName: 'Reader' },
        { givenName: 'Robin', familyName: 'Smith' },
      ],
    });
    expect(conflictBetween(evaluator(null, [['person', 'Robin Smith']]), c)).toBe('declared_person');
  });

  describe('near misses are not conflicts (documented: nothing beyond case, accents and punctuation)', () => {
    it.each([
      ['a shorter library name', 'Springfield Library'],
      ['an abbreviation', 'Springfield PL'],
      ['a different branch', 'Springfield Public Library East Branch'],
      ['the name inside a longer name', 'Public Library'],
      ['a similar spelling', 'Springfeld Public Library'],
    ])('%s: %j', (_, name) => {
      expect(conflictBetween(evaluator(name, [['library', name]]), candidate())).toBe(null);
    });

    it.each([
      ['a shortened first name', 'Rob Reader'],
      ['a middle name', 'Robin J Reader'],
      ['the family name alone', 'Reader'],
      ['another address at the same domain', 'robin@example.org'],
      ['the same local part elsewhere', 'robin.reader@example.com'],
    ])('person %s: %j', (_, value) => {
      expect(conflictBetween(evaluator(null, [['person', value]]), candidate())).toBe(null);
    });

    it('a person declared as a library, or a library declared as a person, does not match', () => {
      expect(conflictBetween(evaluator(null, [['library', 'Robin Reader']]), candidate())).toBe(null);
      expect(conflictBetween(evaluator(null, [['person', 'Example County Library']]), candidate())).toBe(
        null,
      );
    });
  });

  it('blank employers and empty names never match each other', () => {
    const blank = candidate({ employers: [null, ''], libraries: ['  '], displayName: null, names: [] });
    expect(conflictBetween(evaluator('', [['person', '...']]), blank)).toBe(null);
    expect(conflictBetween(evaluator(null), blank)).toBe(null);
  });
});
