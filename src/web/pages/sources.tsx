/** Sources page: every source with its health, so a failing feed is visible with its reason. */
import type { Source } from '../../model.ts';
import { sourceHealth } from '../present.ts';
import { fullTime, timeAgo } from './format.ts';
import { Layout } from './layout.tsx';

export function SourcesPage(props: { siteName: string; sources: Source[]; now: Date }) {
  return (
    <Layout title="Sources" siteName={props.siteName}>
      <h1>Sources</h1>
      <div class="wrap">
        <table class="sources">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Health</th>
              <th scope="col">Articles</th>
              <th scope="col">Last success</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {props.sources.map((s) => {
              const health = sourceHealth(s);
              return (
                <tr>
                  <td>
                    <a href={`/?source=${s.id}`}>{s.title || s.url}</a> {s.demoKey ? <span class="badge demo">demo</span> : null}
                    <div class="meta">{s.url}</div>
                  </td>
                  <td>
                    <span class={`badge ${health === 'ok' ? 'ok' : health === 'failing' ? 'bad' : ''}`}>{health}</span>
                    {s.consecutiveFailures > 0 ? <div class="meta">{s.consecutiveFailures} failures in a row</div> : null}
                  </td>
                  <td>{s.articleCount}</td>
                  <td>
                    {s.lastSuccessAt ? (
                      <time datetime={s.lastSuccessAt.toISOString()} title={fullTime(s.lastSuccessAt)}>
                        {timeAgo(s.lastSuccessAt, props.now)}
                      </time>
                    ) : (
                      'never'
                    )}
                  </td>
                  <td class="err">{s.consecutiveFailures > 0 ? `${s.lastErrorCode ?? ''}: ${s.lastError ?? ''}` : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
