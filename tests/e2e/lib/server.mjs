// @ts-check
/**
 * The test pages' server, which is also the browsers' HTTP proxy: the browsers send every request
 * (loopback included) through it, so it sees everything they fetch, from any page or extension.
 *
 * Routes (on 127.0.0.1:<port>):
 *   /pages/<file>        tests/e2e/pages/<file>
 *   /seed/<file>         www/samples/<file> (the seed page written by the core side)
 *   /csp/<route>         the same, with `Content-Security-Policy: script-src 'self'`
 *   /slow/<file>         tests/e2e/pages/<file>, answered after SLOW_MS (holds back a page's load event)
 *   /watched/<route>     the same page with pages/watch.js first in its <head>: it records every change
 *                        to the DOM after DOMContentLoaded (prepare.test.mjs)
 * Anything else, and any other host (HTTP or CONNECT), is logged and refused.
 */

import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const DIRS = { pages: path.join(ROOT, "tests/e2e/pages"), seed: path.join(ROOT, "www/samples"), slow: path.join(ROOT, "tests/e2e/pages") };
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml" };
const SLOW_MS = 1500;
export const STRICT_CSP = "script-src 'self'";

/** @typedef {{ at: number, method: string, url: string }} Logged */

export async function startServer() {
  /** @type {Logged[]} */
  const log = [];
  const server = http.createServer(async (req, res) => {
    const port = /** @type {import("node:net").AddressInfo} */ (server.address()).port;
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    log.push({ at: Date.now(), method: req.method ?? "GET", url: url.href });
    const own = (url.hostname === "127.0.0.1" || url.hostname === "localhost") && Number(url.port) === port;
    let route = url.pathname.split("/").filter(Boolean);
    const csp = route[0] === "csp";
    if (csp) route = route.slice(1);
    const watched = route[0] === "watched";
    if (watched) route = route.slice(1);
    const dir = own ? DIRS[/** @type {keyof DIRS} */ (route[0])] : undefined;
    const rel = route.slice(1).join("/");
    if (!dir || rel.includes("..")) {
      res.writeHead(own ? 404 : 502).end();
      return;
    }
    try {
      let body = await readFile(path.join(dir, rel));
      if (watched) body = Buffer.from(body.toString("utf8").replace(/<head[^>]*>/i, (m) => `${m}<script src="/pages/watch.js"></script>`));
      if (route[0] === "slow") await new Promise((r) => setTimeout(r, SLOW_MS));
      /** @type {Record<string, string>} */
      const headers = { "content-type": TYPES[/** @type {keyof TYPES} */ (path.extname(rel))] ?? "application/octet-stream", "cache-control": "no-store" };
      if (csp) headers["content-security-policy"] = STRICT_CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  server.on("connect", (req, socket) => {
    log.push({ at: Date.now(), method: "CONNECT", url: `https://${req.url}/` });
    // The socket is ours once a CONNECT arrives (Node attaches no error listener to it): a browser that
    // resets it before the refusal is written (a tab closed, the browser quitting) would otherwise throw
    // ECONNRESET out of the test run (seen once in hardening.test.mjs, after its Firefox tests passed).
    socket.on("error", () => socket.destroy());
    socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const port = /** @type {import("node:net").AddressInfo} */ (server.address()).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve(undefined)); }),
  };
}
