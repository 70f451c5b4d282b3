/** /api/docs: the OpenAPI document as a readable page (server-rendered, no external assets). */
import type { OpenApiDocument } from '../api/openapi.ts';
import { Layout } from './layout.tsx';

interface Param {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: { type?: string };
}
interface Operation {
  summary: string;
  parameters?: Param[];
  responses: Record<string, { description: string }>;
}

/** Text with `code` spans (as the OpenAPI descriptions write them). */
function Prose(props: { text: string }) {
  return (
    <>
      {props.text.split('`').map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}
    </>
  );
}

export function DocsPage(props: { siteName: string; doc: OpenApiDocument }) {
  const paths = Object.entries(props.doc.paths as Record<string, { get: Operation }>);
  return (
    <Layout title="API" siteName={props.siteName}>
      <article class="body docs">
        <h1>{props.doc.info.title}</h1>
        <p>
          <Prose text={props.doc.info.description} />
        </p>
        <p>
          Machine-readable: <a href="/api/openapi.json">OpenAPI 3.1 document</a>.
        </p>
        <nav aria-label="Endpoints">
          <ul>
            {paths.map(([path]) => (
              <li>
                <a href={`#${path.replace(/[^\w]+/g, '-')}`}>
                  <code>GET {path}</code>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {paths.map(([path, item]) => (
          <section id={path.replace(/[^\w]+/g, '-')} aria-label={path}>
            <h2>
              <code>GET {path}</code>
            </h2>
            <p>
              <Prose text={item.get.summary} />
            </p>
            {item.get.parameters && item.get.parameters.length > 0 ? (
              <div class="wrap">
                <table class="sources">
                  <caption class="vh">Parameters of {path}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Parameter</th>
                      <th scope="col">In</th>
                      <th scope="col">Type</th>
                      <th scope="col">Description</th>
                    </tr>
                  </thead>
                  <tbody>
                    {item.get.parameters.map((p) => (
                      <tr>
                        <td>
                          <code>{p.name}</code>
                          {p.required ? ' (required)' : ''}
                        </td>
                        <td>{p.in}</td>
                        <td>{p.schema?.type ?? ''}</td>
                        <td>
                          <Prose text={p.description ?? ''} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <p class="meta">
              Responses:{' '}
              {Object.entries(item.get.responses)
                .map(([code, r]) => `${code} ${r.description}`)
                .join(' · ')}
            </p>
          </section>
        ))}
      </article>
    </Layout>
  );
}
