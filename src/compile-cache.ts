import * as nodeModule from 'node:module';

/**
 * Imported first by the server and the CLI: V8 keeps the compiled code of every module loaded after this in Node's
 * compile cache (`NODE_COMPILE_CACHE`, by default a folder in the temp directory), so a restart skips compiling them.
 * Where the folder cannot be written the cache is simply off; a Node without it (older than 22.1, which the project's
 * pinned Node is not) starts without it.
 */
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
