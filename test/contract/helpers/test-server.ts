/**
 * A tiny node:http server on 127.0.0.1:0 whose answers a test decides request by request.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringifyWithFloats } from '../../../src/mock/float-json.js';
import type { FloatShape } from '../../../src/spec/floats.js';

export interface TestRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TestReply {
  status: number;
  headers?: Record<string, string>;
  /** A value is sent as JSON (with an application/json Content-Type unless one is given). */
  json?: unknown;
  /** Where `json` has Floats, written with `.0` when whole as the real server writes them. */
  floats?: FloatShape;
  text?: string;
  /** Never answer: the connection stays open until the client gives up (or the server closes). */
  hold?: boolean;
}

export interface TestServer {
  url: string;
  requests: TestRequest[];
  close(): Promise<void>;
}

export async function startTestServer(handle: (req: TestRequest) => TestReply): Promise<TestServer> {
  const requests: TestRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const request = { method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://127.0.0.1'), headers: req.headers, body };
      requests.push(request);
      const reply = handle(request);
      const send = () => {
        if (res.destroyed) return;
        const headers: Record<string, string> = { ...reply.headers };
        let payload = reply.text ?? '';
        if (reply.json !== undefined) {
          payload = stringifyWithFloats(reply.json, reply.floats);
          if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
            headers['Content-Type'] = 'application/json; charset=utf-8';
        }
        res.writeHead(reply.status, headers);
        res.end(payload);
      };
      if (!reply.hold) send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A loopback port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
