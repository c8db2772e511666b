import Hummingbird

/// The workspace's tasks, soonest due first.
struct TaskList: ResponseCodable {
    var tasks: [TaskDocument]
}
