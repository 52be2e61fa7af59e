import type { OpenAPIV3_1 } from 'openapi-types';
import { notFound } from '../errors.js';
import type { App } from './app-type.js';
import { sendPage } from './render.js';

type Operation = OpenAPIV3_1.OperationObject;
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A light reference page generated from the OpenAPI document: no script, works offline. */
export function registerApiDocs(app: App) {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const operationsByTag = () => {
    const doc = app.swagger() as OpenAPIV3_1.Document;
    const byTag = new Map<string, Array<{ method: string; path: string; op: Operation }>>();
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const m of methods) {
        const op = item?.[m] as Operation | undefined;
        if (!op) continue;
        const tag = op.tags?.[0] ?? 'other';
        byTag.set(tag, [...(byTag.get(tag) ?? []), { method: m.toUpperCase(), path, op }]);
      }
    }
    return { doc, byTag };
  };

  // The index lists every operation in one line; each area's page holds the details, so no page grows
  // past what a slow connection loads quickly as the API grows.
  app.get('/api/docs', { schema: { hide: true } }, async (req, reply) => {
    const { doc, byTag } = operationsByTag();
    return sendPage(
      req,
      reply,
      { title: 'API reference' },
      <>
        <h1>API reference</h1>
        <p>{doc.info.description}</p>
        <p>
          Machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {doc.openapi}
          ). Errors use <code>application/problem+json</code> with a <code>code</code> and, for invalid input,
          an <code>errors</code> list naming each field. Open an area for each operation's parameters, request
          body and responses.
        </p>
        {[...byTag.entries()].map(([tag, list]) => (
          <section>
            <h2>
              <a href={`/api/docs/${tagSlug(tag)}`}>{tag}</a>
            </h2>
            <ul>
              {list.map(({ method, path, op }) => (
                <li>
                  <code>
                    {method} {path}
                  </code>{' '}
                  {op.summary}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </>,
    );
  });

  app.get('/api/docs/:area', { schema: { hide: true } }, async (req, reply) => {
    const { byTag } = operationsByTag();
    const area = (req.params as { area: string }).area;
    const found = [...byTag.entries()].find(([tag]) => tagSlug(tag) === area);
    if (!found) throw notFound('That part of the API reference');
    const [tag, list] = found;
    return sendPage(
      req,
      reply,
      { title: `API reference: ${tag}` },
      <>
        <p>
          <a href="/api/docs">All areas of the API</a>
        </p>
        <h1>API reference: {tag}</h1>
        {list.map(({ method, path, op }) => (
          <details class="api-op">
            <summary>
              <code>
                {method} {path}
              </code>{' '}
              {op.summary}
            </summary>
            {op.description && <p>{op.description}</p>}
            {op.parameters && (op.parameters as OpenAPIV3_1.ParameterObject[]).length > 0 && (
              <>
                <h2>Parameters</h2>
                <ul>
                  {(op.parameters as OpenAPIV3_1.ParameterObject[]).map((p) => (
                    <li>
                      <code>{p.name}</code> ({p.in}){p.required ? ', required' : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {op.requestBody && (
              <>
                <h2>Request body</h2>
                <pre>
                  {JSON.stringify((op.requestBody as OpenAPIV3_1.RequestBodyObject).content, null, 2)}
                </pre>
              </>
            )}
            <h2>Responses</h2>
            <ul>
              {Object.entries(op.responses ?? {}).map(([code, r]) => (
                <li>
                  <code>{code}</code> {(r as OpenAPIV3_1.ResponseObject).description}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </>,
    );
  });
}

const tagSlug = (tag: string) =>
  tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
