/**
 * @module
 * At most `n` tasks at once, started in the order they were queued.
 */
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimit(n: number): Limit {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= n) return;
    const start = queue.shift();
    if (start) {
      active++;
      start();
    }
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}
