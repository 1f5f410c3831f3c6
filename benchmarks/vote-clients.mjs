/**
 * The voting clients of benchmarks/votes.ts, run in a worker thread: like real voters' machines they do not share
 * the service's event loop, so the service's one JavaScript thread does only the service's work. Plain JavaScript:
 * a worker thread does not inherit tsx's loader on Node 20. The task and result types are in votes.ts.
 */

import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";

/** One POST over a keep-alive socket; resolves with the status and the body text. */
function post(agent, url, token, body) {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { agent, method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** `inFlight` clients vote members M0 … M(members-1) once each, choices in turn. */
async function vote(task) {
  const agent = new Agent({ keepAlive: true, maxSockets: task.inFlight });
  const url = new URL(task.url);
  const latencies = [];
  const sent = Object.fromEntries(task.choices.map((c) => [c, 0]));
  let next = 0;
  let failure;
  const client = async () => {
    for (let i = next++; i < task.members && failure === undefined; i = next++) {
      const choice = task.choices[i % task.choices.length];
      const start = performance.now();
      const answer = await post(agent, url, task.token, JSON.stringify({ member: `M${i}`, choice }));
      if (answer.status !== 201) failure = `vote of M${i} answered ${answer.status}: ${answer.text}`;
      latencies.push(performance.now() - start);
      sent[choice]++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: task.inFlight }, client));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { seconds, latencies, sent, ...(failure === undefined ? {} : { failure }) };
}

parentPort?.postMessage(await vote(workerData));
