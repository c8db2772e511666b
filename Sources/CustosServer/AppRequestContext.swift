import Hummingbird

/// The request context of every route.
typealias AppRequestContext = BasicRequestContext
