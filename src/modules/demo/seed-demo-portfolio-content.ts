/**
 * What the demo portfolios say: evidence, statements and evaluators' comments for Cataloging and
 * Classification (CAT-1 to CAT-8), written the way library support staff would write them. The
 * libraries, books and people are made up.
 */

export interface DemoEvidence {
  role: 'primary' | 'secondary';
  title: string;
  explanation: string;
  body: string;
}

/** Primary written evidence for every competency of the set, in the set's order. */
export const catalogingEvidence: Record<string, DemoEvidence> = {
  'CAT-1': {
    role: 'primary',
    title: 'My checklist for new books, from the box to the shelf',
    explanation:
      'I wrote this checklist for new staff. It shows each step I take with a new book, the tools I use at each step, and what I check before the book goes out.',
    body: [
      '1. Check the packing slip against the order in the library system.',
      '2. Search the shared catalog by ISBN; if nothing is found, search by title and author.',
      '3. Compare the record with the book in hand: title page, edition, number of pages, size.',
      '4. Add our holdings, the barcode and the call number.',
      '5. Print the spine label on the label printer and cover the book.',
      '6. Scan the barcode once more to check that the item shows as "in processing".',
    ].join('\n'),
  },
  'CAT-2': {
    role: 'primary',
    title: 'Choosing the right record in the shared catalog',
    explanation:
      'Two records came up for the same cookbook. I show how I used the cataloging guides and the record details to pick the one that matches our copy.',
    body: 'Record A: 2019, 240 pages, hardcover. Record B: 2021 second edition, 256 pages, paperback. Our copy says "Second edition" on the title page and has 256 pages, so I chose record B. I checked the publisher\'s name against the title page, as the cataloging guide says.',
  },
  'CAT-3': {
    role: 'primary',
    title: 'A new record for a local history booklet',
    explanation:
      'Nobody had cataloged this booklet, so I made the record myself, following the cataloging rules for title, publisher, date and pages.',
    body: [
      'Title: River days : a history of the Mill Creek valley',
      'Author: Mill Creek Historical Society',
      'Published: Mill Creek, Illinois : Mill Creek Historical Society, 2024',
      'Pages: 48 pages : illustrations, maps ; 22 cm',
      'Subjects: Mill Creek Valley (Ill.) -- History; Rivers -- Illinois',
    ].join('\n'),
  },
  'CAT-4': {
    role: 'primary',
    title: 'Dewey numbers for our new gardening books',
    explanation:
      'I classified six gardening books. I explain why two of them went to vegetables (635) and one to landscape design (712), and how I checked our shelf list so they sit next to similar books.',
    body: 'Growing tomatoes in small spaces: 635.642. The backyard vegetable plan: 635. Designing a prairie garden: 712.6. Houseplants for beginners: 635.965. Keeping bees at home: 638.1. Composting made simple: 631.875.',
  },
  'CAT-5': {
    role: 'primary',
    title: 'Fixing two forms of the same author’s name',
    explanation:
      'Our catalog had one author under two forms of her name, so readers saw only half of her books. I found the authorized form in the authority file and corrected the records.',
    body: 'Before: some records used "Lake, J." and others "Lake, Jo Ann". The authority file gives "Lake, Jo Ann, 1961-". I changed 7 records to that form, so a search on her name now finds all 12 of her books.',
  },
  'CAT-6': {
    role: 'primary',
    title: 'What sharing records gives our library and others',
    explanation:
      'I explain how the shared catalog saves us time, and how the records we add for local books help other libraries in the state.',
    body: 'Copying a record takes me about 5 minutes; a new record takes 30 to 45. Last year 9 in 10 of our new books already had a record. The 40 records we made for local authors are now used by other libraries in our region, and readers anywhere in the state can request those books.',
  },
  'CAT-7': {
    role: 'primary',
    title: 'A reader who could not find a book, and what I changed',
    explanation:
      'A reader searched for books on "adult coloring" and found nothing. I show how adding a subject heading and a note helped this reader and others find the books.',
    body: 'The books were cataloged only under "Drawing -- Technique". I added the subject "Coloring books" and a note "For adults" to the 8 records. The next week the reader found all 8 with her own search, and they have been borrowed 30 times since.',
  },
  'CAT-8': {
    role: 'primary',
    title: 'A saved search that finds records with missing call numbers',
    explanation:
      'I set up a search in our library system that lists items without a call number. I run it every Monday, so no book sits on the shelf where nobody can find it.',
    body: 'Search: item status = "available" and call number is empty, sorted by date added. The first run found 14 items. I fixed them all that week; now the list has 0 to 3 items most weeks.',
  },
};

/** A secondary item for the candidate who is still building: a link to the library's own guide. */
export const catalogingLinkEvidence = {
  role: 'secondary' as const,
  title: 'Our library’s cataloging guide for volunteers',
  explanation: 'I keep this guide up to date. It shows the same steps in words volunteers understand.',
  url: 'https://library.example/staff/cataloging-guide',
};

/** The evidence file the candidate still building uploaded (plain text, stored in the blob store). */
export const catalogingNotesFile = {
  fileName: 'cataloging-aids-notes.txt',
  title: 'My notes on the cataloging guides I use',
  explanation:
    'These are the notes I keep next to my desk: which guide I open for which question, and where to find it.',
  text: [
    'Which guide for which question',
    '',
    '- Title, edition, publisher: the cataloging rules, chapter on describing books.',
    '- Call numbers: the Dewey summaries, then our own shelf list.',
    '- Subject headings: the subject headings list in the shared catalog.',
    '- Record format: the field guide for library records (tags 100, 245, 264, 300, 650).',
    '',
  ].join('\n'),
};

/** Weaker evidence for the two competencies the "more information" evaluators flag. */
export const thinEvidence: Record<string, DemoEvidence> = {
  'CAT-5': {
    role: 'primary',
    title: 'Author names I corrected',
    explanation: 'I fix author names when I see mistakes in the catalog.',
    body: 'Names corrected this year: about 20.',
  },
  'CAT-6': {
    role: 'primary',
    title: 'Signing in to the shared catalog',
    explanation: 'These are the steps I follow to sign in to the shared catalog and copy a record.',
    body: 'Open the cataloging screen, sign in with the library account, search by ISBN, choose "Copy record".',
  },
};

export const draftStatement =
  'I have worked at the circulation desk for three years and started helping with cataloging last spring. ' +
  'What I have learned so far is that a good record is what lets a reader find a book without asking us.';

export const fullStatement = [
  'I have cataloged new books and media at my library for four years, first copying records and now also making new ones for local books.',
  '',
  'Putting this portfolio together made me explain choices I used to make without thinking: why one record fits our copy better than another, or why a book belongs at one number and not the next. Writing the checklist for new staff showed me which steps I had never written down.',
  '',
  'I learned most from the reader who could not find the coloring books. The books were on our shelves the whole time; the records just did not use her words. Since then I look at a record and ask how a reader would search for it.',
  '',
  'Next I want to learn more about authority control, so names and series are the same everywhere in our catalog.',
].join('\n');

export interface DemoRating {
  rating: 'met' | 'partial' | 'not_met';
  comment: string;
}

const met = (comment: string): DemoRating => ({ rating: 'met', comment });

/** What an evaluator who finds a competency met says about it. */
export const metComments: Record<string, DemoRating> = {
  'CAT-1': met('The checklist covers every step, with the tools used at each one. Clear and complete.'),
  'CAT-2': met(
    'A good example of comparing two records against the item in hand and choosing the right one.',
  ),
  'CAT-3': met('The new record follows the rules for title, publisher, date and extent. Well done.'),
  'CAT-4': met(
    'The numbers are right, and checking the shelf list shows an understanding of why it matters.',
  ),
  'CAT-5': met('Finding the authorized form and correcting every record shows authority work clearly.'),
  'CAT-6': met('Explains both what the library gains and what it gives back to other libraries.'),
  'CAT-7': met('A clear story of a reader’s search and how better records helped her and others.'),
  'CAT-8': met('A practical use of the library system’s search to keep records findable.'),
};

/** The two evaluators' ratings of the portfolio sent back for more information (CAT-5 and CAT-6). */
export const moreInfoRatings: Record<'first' | 'second', Record<string, DemoRating>> = {
  first: {
    'CAT-5': {
      rating: 'not_met',
      comment:
        'The evidence gives a number of names corrected but no example. Please add one name you found in two forms, say which form you chose, and how you checked it.',
    },
    'CAT-6': {
      rating: 'partial',
      comment:
        'The steps show you use the shared catalog. Please also explain what your library and its readers gain from sharing records.',
    },
  },
  second: {
    'CAT-5': {
      rating: 'partial',
      comment:
        'You say you correct names, which is a good start. A before-and-after of one record would show how you do it.',
    },
    'CAT-6': {
      rating: 'not_met',
      comment:
        'The evidence shows how to sign in and copy a record, not why sharing records matters. Tell us what the library and other libraries gain.',
    },
  },
};

/** The evaluator who has submitted on the portfolio in evaluation found one competency partly met. */
export const partialSharing: DemoRating = {
  rating: 'partial',
  comment:
    'Explains the time saved well. It would be stronger with a word on how other libraries use your records.',
};

/** The evaluator still rating has draft ratings for the first three competencies. */
export const draftRatings: Record<string, DemoRating> = {
  'CAT-1': met('Clear checklist; every step and tool is there.'),
  'CAT-2': met('Good comparison of the two records.'),
  'CAT-3': {
    rating: 'partial',
    comment: 'Draft: the record looks right; check whether the series is missing before I decide.',
  },
};
