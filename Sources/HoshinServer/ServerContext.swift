import Hummingbird

/// The request context: Hummingbird's core storage plus the peer's address, which
/// decides whether an identity header is believed.
struct ServerContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connected peer's IP address (the proxy's, behind one).
    let remoteIP: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteIP = source.channel.remoteAddress?.ipAddress
    }
}
