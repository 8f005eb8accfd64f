import Dispatch
import GRDB

/// A connection of its own that reads pages of a long walk off the thread that writes them,
/// one at a time, in the order they are given, keeping what pages share (the registration
/// rules, the register of staff) from one page to its next.
final class PageWorker: Sendable {
    /// The connection, read only from ``queue``; the walk closes it when it ends.
    let connection: DatabaseQueue
    /// Where the worker's pages are read, one after another.
    let queue = DispatchQueue(label: "coproduce.page-worker")
    /// What the worker's pages share, carried from page to page.
    let cache = Locked(MeetingFactsCache())
    /// How many pages it has been given and not yet read.
    let pending = Locked(0)

    /// A worker reading through `connection`.
    init(_ connection: DatabaseQueue) {
        self.connection = connection
    }
}

/// One page given to a ``PageWorker``: what it read, or why it could not, once `done` is
/// signalled.
final class PageSlot<T: Sendable>: Sendable {
    /// Signalled once, when ``result`` is set.
    let done = DispatchSemaphore(value: 0)
    /// The page, or the error reading it.
    let result = Locked<Result<T, Error>?>(nil)
}
