// A parse worker (worker_threads): tree-sitter parses texts sent by ParsePool and sends each tree back as a
// flat Int32Array (hcl/flat.ts), transferred without a copy. The WASM memory a large file makes tree-sitter
// grow goes away with the worker.
import { parentPort, workerData } from 'node:worker_threads';
import { encodeTreeOf } from './hcl/index.js';
import { initParser } from './treesitter.js';

export interface ParseRequest {
  id: number;
  text: string;
}

export type ParseReply = { id: number; words: Int32Array; count: number } | { id: number; error: string };

const port = parentPort;
if (port) {
  const { wasmDir } = (workerData ?? {}) as { wasmDir?: string };
  const ready = initParser(wasmDir);
  port.on('message', (req: ParseRequest) => {
    ready.then(
      () => {
        let reply: ParseReply;
        try {
          const flat = encodeTreeOf(req.text);
          reply = { id: req.id, words: flat.words, count: flat.count };
        } catch (e) {
          reply = { id: req.id, error: (e as Error).message };
        }
        port.postMessage(reply, 'words' in reply ? [reply.words.buffer as ArrayBuffer] : []);
      },
      (e: unknown) => port.postMessage({ id: req.id, error: `parser failed to start: ${(e as Error).message}` } satisfies ParseReply),
    );
  });
}
