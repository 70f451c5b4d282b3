/** Error page for reader routes. */
import { Layout } from './layout.tsx';

export function errorPage(siteName: string, status: number, message: string) {
  return (
    <Layout title={`${status}`} siteName={siteName}>
      <h1>{status === 404 ? 'Not found' : 'Error'}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Back to the latest articles</a>
      </p>
    </Layout>
  );
}
