// The namespace's only name server (resolv.conf points at 127.0.0.1): every name it is asked is one
// the hosts file did not map, so it answers NXDOMAIN at once and logs the name. A case that forgot
// a host shows here, and an unmapped name fails fast instead of waiting on an unreachable server.
import { createSocket, type Socket } from 'node:dgram';
import type { SimLog } from './sim-log.js';

const TYPES: Record<number, string> = { 1: 'A', 28: 'AAAA', 5: 'CNAME', 12: 'PTR', 33: 'SRV', 65: 'HTTPS' };

/** The question's name and type, and where the question ends; null when the packet is not one. */
export function parseQuestion(msg: Buffer): { name: string; type: number; end: number } | null {
  if (msg.length < 12 || msg.readUInt16BE(4) < 1) return null;
  const labels: string[] = [];
  let i = 12;
  for (;;) {
    const len = msg[i];
    if (len === undefined || len > 63) return null;
    i++;
    if (len === 0) break;
    labels.push(msg.subarray(i, i + len).toString('latin1'));
    i += len;
  }
  if (i + 4 > msg.length) return null;
  return { name: labels.join('.'), type: msg.readUInt16BE(i), end: i + 4 };
}

export function nxdomain(msg: Buffer, questionEnd: number): Buffer {
  const out = Buffer.alloc(questionEnd);
  msg.copy(out, 0, 0, questionEnd);
  const rd = msg[2]! & 0x01;
  out[2] = 0x80 | (msg[2]! & 0x78) | rd; // QR, the query's opcode, RD
  out[3] = 0x80 | 0x03; // RA, NXDOMAIN
  out.writeUInt16BE(1, 4);
  out.writeUInt32BE(0, 6);
  out.writeUInt16BE(0, 10);
  return out;
}

export async function startDns(log: SimLog): Promise<{ stop(): Promise<void> }> {
  const sock: Socket = createSocket('udp4');
  sock.on('message', (msg, from) => {
    const q = parseQuestion(msg);
    if (!q) return;
    log.addDns({ name: q.name, type: TYPES[q.type] ?? String(q.type) });
    sock.send(nxdomain(msg, q.end), from.port, from.address);
  });
  await new Promise<void>((resolve, reject) => {
    sock.once('error', reject);
    sock.bind(53, '127.0.0.1', () => resolve());
  });
  return { stop: () => new Promise<void>((resolve) => sock.close(() => resolve())) };
}
