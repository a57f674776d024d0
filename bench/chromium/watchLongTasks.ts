/** Collects main-thread long tasks (over 50 ms, by the Long Tasks API's definition) until `stop()`. */
export function watchLongTasks(): { stop(): Promise<number[]> } {
  const tasks: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration)
  })
  observer.observe({ type: 'longtask' })
  return {
    async stop() {
      // Entries are delivered asynchronously, after the task ends.
      await new Promise((resolve) => setTimeout(resolve, 0))
      for (const entry of observer.takeRecords()) tasks.push(entry.duration)
      observer.disconnect()
      return tasks
    },
  }
}
