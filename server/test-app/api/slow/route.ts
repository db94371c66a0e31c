// Answers after 300 ms with a stream that never ends by itself; /api/slow/state tells whether the
// request's signal aborted and whether the stream was cancelled once the client had gone.
import { clientGone } from "../../../../lib/http/client-gone";

export const seen = { aborted: false, cancelled: false };

export const GET = async (req: Request) => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  seen.aborted = clientGone(req).aborted;
  const body = new ReadableStream({
    pull: () => new Promise(() => {}), // waits forever
    cancel: () => void (seen.cancelled = true),
  });
  return new Response(body, { headers: { "content-type": "text/event-stream" } });
};
