// The address of the socket peer, made readable to pages, actions and routes. `next start` copies the
// socket address into X-Forwarded-For only when the client sent none (`??=` in Next's base server), so
// a client that sends its own header hides its real address from everything after it. This stamps the
// peer into a header of our own on every incoming request, at the socket, overwriting whatever a
// client sent under that name: it cannot be forged. Installed once per server process
// (lib/server-start.ts, from instrumentation.ts), before any request is handled.
import 'server-only';
import http from 'node:http';

export const PEER_HEADER = 'x-kaiji-peer';

const INSTALLED = Symbol.for('kaiji.peerStamp');

export function installPeerStamp(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function stampPeer(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
  proto[INSTALLED] = true;
}
