import fastifyHelmet, { FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';

/** Headers every response carries anyway, not helmet's to decide. */
const NOT_SECURITY = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * The security headers @fastify/helmet would set with these options, worked out once.
 * The plugin builds a new helmet middleware (and serialises the content-security policy again)
 * on every request; the headers never change between requests, so the product computes them at
 * start-up by asking the plugin itself once, on a throwaway instance, and then only copies them.
 */
export async function resolveSecurityHeaders(options: FastifyHelmetOptions): Promise<[string, string][]> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(fastifyHelmet, options);
    probe.get('/', () => '');
    const response = await probe.inject({ method: 'GET', url: '/' });
    return Object.entries(response.headers)
      .filter(([name]) => !NOT_SECURITY.has(name.toLowerCase()))
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]);
  } finally {
    await probe.close();
  }
}
