import type { ComponentChildren } from 'preact';
import type { Actor } from '../platform/context.js';

export interface PageChrome {
  title: string;
  actor: Actor;
  csrfToken: string;
  path: string;
  flash?: string | undefined;
  /** Marks the page with a banner, e.g. the sandbox payment page. */
  banner?: string | undefined;
  environmentNote?: string | undefined;
  /** An Atom feed of this page's content, announced in the head for feed readers. */
  feed?: { href: string; title: string } | undefined;
}

const publicLinks = [
  ['/', 'Home'],
  ['/about', 'About'],
  ['/eligibility', 'Eligibility and costs'],
  ['/competencies', 'Competency sets'],
  ['/catalog', 'Course catalog'],
  ['/faq', 'FAQ'],
  ['/contact', 'Contact'],
] as const;

function isCurrent(path: string, href: string) {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

function AccountLinks({ actor, csrfToken }: { actor: Actor; csrfToken: string }) {
  if (actor.kind !== 'user') {
    return (
      <ul class="account-links">
        <li>
          <a href="/sign-in">Sign in</a>
        </li>
        <li>
          <a href="/sign-up">Create an account</a>
        </li>
      </ul>
    );
  }
  const isStaff = actor.roles.includes('staff') || actor.roles.includes('admin');
  return (
    <ul class="account-links">
      {actor.roles.includes('candidate') && (
        <li>
          <a href="/dashboard">My certification</a>
        </li>
      )}
      {actor.roles.includes('candidate') && (
        <li>
          <a href="/portfolios">Portfolios</a>
        </li>
      )}
      {actor.roles.includes('candidate') && (
        <li>
          {/* A provider's own "Courses" link follows: distinct names for distinct places. */}
          <a href="/completions">
            {actor.roles.includes('provider_member') ? 'Completed courses' : 'Courses'}
          </a>
        </li>
      )}
      {isStaff && (
        <li>
          <a href="/staff">Staff</a>
        </li>
      )}
      {actor.roles.includes('institution_contact') && (
        <li>
          <a href="/institution">My institution</a>
        </li>
      )}
      {actor.roles.includes('provider_member') && (
        <li>
          <a href="/provider">My organisation</a>
        </li>
      )}
      {actor.roles.includes('provider_member') && (
        <li>
          <a href="/provider/courses">Courses</a>
        </li>
      )}
      {actor.roles.includes('provider_member') && (
        <li>
          <a href="/provider/rosters">Rosters</a>
        </li>
      )}
      {actor.roles.includes('provider_member') && (
        <li>
          <a href="/provider/claims">Claims</a>
        </li>
      )}
      {actor.roles.includes('course_evaluator') && (
        <li>
          <a href="/evaluations">Evaluations</a>
        </li>
      )}
      {actor.roles.includes('portfolio_evaluator') && (
        <li>
          <a href="/evaluator/assignments">Portfolio reviews</a>
        </li>
      )}
      <li>
        <a href="/account">Account</a>
      </li>
      <li>
        <form method="post" action="/sign-out" class="inline">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit" class="link-button">
            Sign out
          </button>
        </form>
      </li>
    </ul>
  );
}

export function Layout(props: PageChrome & { children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – Library Support Staff Certification`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        {props.feed && (
          <link rel="alternate" type="application/atom+xml" href={props.feed.href} title={props.feed.title} />
        )}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        {props.environmentNote && <div class="env-note">{props.environmentNote}</div>}
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              LSSC <span>Library Support Staff Certification</span>
            </a>
            <nav aria-label="Your account">
              <AccountLinks actor={props.actor} csrfToken={props.csrfToken} />
            </nav>
          </div>
          <nav aria-label="Main" class="wrap">
            <ul class="main-nav">
              {publicLinks.map(([href, label]) => (
                <li>
                  <a href={href} aria-current={isCurrent(props.path, href) ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {props.banner && (
          <section class="banner" aria-label="Notice">
            <div class="wrap">{props.banner}</div>
          </section>
        )}
        <main id="main" class="wrap" tabIndex={-1}>
          {props.flash && (
            <div class="notice" role="status">
              {props.flash}
            </div>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              Library Support Staff Certification. <a href="/contact">Contact the program</a> ·{' '}
              <a href="/api/docs">API</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
