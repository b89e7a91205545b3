import HTTPTypes
import Hummingbird

/// Puts the safety headers of spec §11 on every response, errors and 404s included:
/// a Content-Security-Policy without external sources, `nosniff`, no framing, no referrer.
struct SafetyMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    static let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Responses.error(error.status, error.body ?? error.status.reasonPhrase)
        } catch {
            response = Responses.error(.internalServerError, "internal error")
        }
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.referrerPolicy] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
