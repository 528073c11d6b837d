import Foundation
import Notebook
import Primitives

// ANCHOR: thread-client
/// This thread's client, created the first time the thread asks for it
/// (Python: `local = threading.local()`, then `local.client`).
func threadClient() -> ExpensiveClient {
    let storage = Thread.current.threadDictionary   // one dictionary per thread
    if let client = storage["client"] as? ExpensiveClient { return client }
    let client = ExpensiveClient()
    storage["client"] = client
    return client
}
// ANCHOR_END: thread-client

// ANCHOR: thread-local
func threadLocal(_ cell: Cell) {
    let createdBefore = ExpensiveClient.created.load(ordering: .relaxed)
    let fetches = SharedLog<(thread: String, client: Int)>()

    let threads = (1...3).map { i in
        JoinableThread(name: "fetcher-\(i)") {
            for page in 1...4 {
                let client = threadClient()
                print("fetcher-\(i): \(client.fetch(page: page))")
                fetches.append((thread: "fetcher-\(i)", client: client.serialNumber))
            }
        }
    }
    for thread in threads { thread.join() }
    let created = ExpensiveClient.created.load(ordering: .relaxed) - createdBefore
    print("\(fetches.all.count) fetches on 3 threads used \(created) clients")
    // ANCHOR_END: thread-local

    let clientsByThread = Dictionary(grouping: fetches.all, by: \.thread).mapValues { Set($0.map(\.client)) }
    cell.value("local-fetches", fetches.all.count)
    cell.value("local-clients", created)
    cell.check(created == 3, "one client created per thread: \(created) for 3 threads")
    cell.check(clientsByThread.count == 3 && clientsByThread.values.allSatisfy { $0.count == 1 },
               "each thread used one and the same client for all its fetches")
    cell.check(Set(clientsByThread.values.flatMap { $0 }).count == 3, "no two threads shared a client")
}
