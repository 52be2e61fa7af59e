import type { OpenAPIV3_1 } from 'openapi-types';
import type { App } from './app-type.js';
import { sendPage } from './render.js';

type Operation = OpenAPIV3_1.OperationObject;
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A light reference page generated from the OpenAPI document: no script, works offline. */
export function registerApiDocs(app: App) {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/docs', { schema: { hide: true } }, async (req, reply) => {
    const doc = app.swagger() as OpenAPIV3_1.Document;
    const ops: Array<{ method: string; path: string; op: Operation }> = [];
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const m of methods) {
        const op = item?.[m] as Operation | undefined;
        if (op) ops.push({ method: m.toUpperCase(), path, op });
      }
    }
    const byTag = new Map<string, typeof ops>();
    for (const o of ops) {
      const tag = o.op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), o]);
    }
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
          an <code>errors</code> list naming each field.
        </p>
        {[...byTag.entries()].map(([tag, list]) => (
          <section>
            <h2>{tag}</h2>
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
                    <h3>Parameters</h3>
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
                    <h3>Request body</h3>
                    <pre>
                      {JSON.stringify((op.requestBody as OpenAPIV3_1.RequestBodyObject).content, null, 2)}
                    </pre>
                  </>
                )}
                <h3>Responses</h3>
                <ul>
                  {Object.entries(op.responses ?? {}).map(([code, r]) => (
                    <li>
                      <code>{code}</code> {(r as OpenAPIV3_1.ResponseObject).description}
                    </li>
                  ))}
                </ul>
              </details>
            ))}
          </section>
        ))}
      </>,
    );
  });
}
