// One chunk now and one 300 ms later, in the content type asked for (`?type=`): a streamed answer
// must reach the client chunk by chunk, JSON or not.
export const GET = (req: Request) => {
  const type = new URL(req.url).searchParams.get("type") ?? "text/event-stream";
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    async start(controller) {
      controller.enqueue(encoder.encode("first\n"));
      await new Promise((resolve) => setTimeout(resolve, 300));
      controller.enqueue(encoder.encode("second\n"));
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": type } });
};
