// A full recompute's publish as queued pages (issue 11): each job publishes one range of customer ids, so memory is
// bounded by a page, a failed page is retried alone, and on PostgreSQL any instance's worker takes it.
import type { Db } from "../db/database.js";
import {
  deletePublishPage,
  findPublishPage,
  listPublishPages,
  type PublishPage,
} from "../db/repositories/publish-page.repository.js";
import type { Job } from "./job.js";
import type { JobQueue } from "./queue/job-queue.js";

export const PUBLISH_PAGE = "publish-page";

/** A page stored this long ago and still there was never queued (a crash) or ran out of retries: queue it again. */
const RESUME_AFTER_MS = 5 * 60_000;

export interface PublishPagesDeps {
  db: Db;
  queue: JobQueue;
  /** The publisher's range publish; metafieldFailures > 0 means the platform took none of some batch. */
  publishRange(shop: string, afterId: string | null, throughId: string): Promise<{ metafieldFailures: number }>;
  log: (message: string) => void;
  concurrency?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  clock?: () => Date;
}

interface PublishPageJob {
  shop: string;
  pageId: string;
}

export function createPublishPages(deps: PublishPagesDeps) {
  const { db, queue } = deps;
  const clock = deps.clock ?? (() => new Date());

  async function run({ pageId }: PublishPageJob): Promise<void> {
    const page = await findPublishPage(db, pageId);
    if (!page) return; // already published (the job ran twice, or was resumed while queued)
    const { metafieldFailures } = await deps.publishRange(page.shop, page.afterId, page.throughId);
    // Throwing has the queue retry this page alone; its customers already written are marked published, so the
    // retry writes only the rest.
    if (metafieldFailures > 0) throw new Error(`${metafieldFailures} decision metafields of ${page.shop} not written`);
    await deletePublishPage(db, page.id);
  }

  const enqueue = (page: PublishPage) =>
    queue.enqueue<PublishPageJob>(
      PUBLISH_PAGE,
      { shop: page.shop, pageId: page.id },
      {
        singletonKey: page.id,
        retryLimit: deps.retryLimit ?? 5,
        retryDelaySeconds: deps.retryDelaySeconds ?? 30,
        retryBackoff: true,
      },
    );

  /** Queues the stored pages older than a few minutes, a batch at a time; returns how many were queued anew. */
  async function resumePending(batch = 500): Promise<number> {
    const before = new Date(clock().getTime() - RESUME_AFTER_MS);
    let after: string | null = null;
    let queued = 0;
    for (;;) {
      const pages = await listPublishPages(db, before, after, batch);
      if (pages.length === 0) return queued;
      for (const page of pages) if (await enqueue(page)) queued++;
      after = pages[pages.length - 1].id;
    }
  }

  return {
    /** Registers this process's publish worker. */
    start: () => queue.work<PublishPageJob>(PUBLISH_PAGE, { concurrency: deps.concurrency ?? 2 }, run),
    enqueue,
    resumePending,
    /** Every 10 minutes (once across instances): pages lost between recompute and queue are queued again. */
    resumeJob(): Job {
      return {
        name: "resume-publish-pages",
        schedule: "*/10 * * * *",
        run: async () => {
          const queued = await resumePending();
          if (queued) deps.log(`resume-publish-pages: ${queued} stored page(s) queued again`);
          return { queued };
        },
      };
    },
  };
}

export type PublishPages = ReturnType<typeof createPublishPages>;
