/** Worker-thread entry: runs analysis tasks posted by ThreadPoolAnalysisRunner. */
import { parentPort } from 'node:worker_threads';
import { runAnalysisTask, type AnalysisTask } from '../analysis-task.js';

interface Request {
  id: number;
  bytes: Uint8Array;
  task: AnalysisTask;
}

parentPort?.on('message', (msg: Request) => {
  parentPort?.postMessage({ id: msg.id, result: runAnalysisTask(msg.bytes, msg.task) });
});
