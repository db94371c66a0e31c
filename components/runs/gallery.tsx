import type { GalleryImage } from "@/lib/runs/client/run-live-state";

/** Images the run reported (`visualization` events), grouped by category in arrival order. */
export function Gallery({ images }: { images: GalleryImage[] }) {
  const groups = new Map<string, GalleryImage[]>();
  for (const image of images) {
    const key = image.category ?? "images";
    groups.set(key, [...(groups.get(key) ?? []), image]);
  }
  return (
    <div className="space-y-6">
      {[...groups].map(([category, list]) => (
        <section key={category}>
          <h3 className="mb-2 text-sm font-medium">{category}</h3>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {list.map((image) => (
              <li key={image.id}>
                <a href={image.url} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
                  {/* eslint-disable-next-line @next/next/no-img-element -- run images are blobs of any size, not optimizable assets */}
                  <img
                    src={image.url}
                    alt={[image.group, image.index].filter((part) => part !== null).join(" #") || category}
                    loading="lazy"
                    className="aspect-square w-full bg-zinc-100 object-contain dark:bg-zinc-900"
                  />
                </a>
                <p className="mt-1 truncate text-xs text-zinc-500">
                  {image.group ?? ""}
                  {image.index !== null ? ` #${image.index}` : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
