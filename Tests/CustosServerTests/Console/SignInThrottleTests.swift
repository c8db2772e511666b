import Foundation
import Testing

@testable import CustosServer

@Suite("Sign-in throttle")
struct SignInThrottleTests {
    @Test("one address may try so many sign-ins in a window, whichever accounts; others are not held back")
    func throttle() async {
        let throttle = SignInThrottle(limit: 3, window: 600)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        for _ in 0..<3 { #expect(await throttle.admit("192.0.2.1", at: start)) }
        #expect(await !throttle.admit("192.0.2.1", at: start.addingTimeInterval(10)))
        #expect(await throttle.admit("192.0.2.2", at: start.addingTimeInterval(10)))
        #expect(await throttle.admit("192.0.2.1", at: start.addingTimeInterval(601)))
    }
}
