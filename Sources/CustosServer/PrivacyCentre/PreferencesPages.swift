import CustosServices
import Hummingbird
import Mustache

/// The pages of the unsubscribe and preferences links: plain HTML, no script, readable on a phone.
struct PreferencesPages: Sendable {
    enum Page: String, CaseIterable {
        case unsubscribe
        case unsubscribed
        case preferences
        case problem
    }

    private let library: MustacheLibrary

    init() {
        library = PrivacyCentreLayout.library(
            of: Page.self, title: "{{organisation}}: your email preferences", source: Self.source)
    }

    func render(_ page: Page, _ values: [String: Any]) -> String {
        library.render(values, withTemplate: page.rawValue) ?? ""
    }

    func problem(_ status: HTTPResponse.Status, _ message: String, vault: Vault) -> TextResponse {
        .html(
            render(
                .problem,
                [
                    "organisation": vault.policy.controller.displayName, "workspace": vault.workspace.name,
                    "message": message,
                ]), status: status)
    }

    private static func source(_ page: Page) -> String {
        switch page {
        case .unsubscribe:
            """
            <h1>Unsubscribe</h1>
            <p>Stop getting {{what}} from {{organisation}} by email?</p>
            <form method="post" action="?token={{token}}">
            <button type="submit">Unsubscribe</button>
            </form>
            """
        case .unsubscribed:
            """
            <h1>You are unsubscribed</h1>
            <p>You will not get {{what}} from {{organisation}} by email any more. Messages about things
            you have booked or bought still come.</p>
            """
        case .preferences:
            """
            <h1>Your email and contact preferences</h1>
            {{#hasError}}
            <div class="error-summary" role="alert" tabindex="-1">
            <h2>There is a problem</h2>
            <p>{{error}}</p>
            <p>Nothing was changed.</p>
            </div>
            {{/hasError}}
            {{#saved}}<p role="status"><strong>Your choices are saved.</strong></p>{{/saved}}
            <p>Choose what {{organisation}} may send you. You can change this at any time.</p>
            <form method="post" action="?token={{token}}">
            {{#groups}}
            <fieldset>
            <legend>{{name}}</legend>
            {{#description}}<p>{{description}}</p>{{/description}}
            {{#lines}}
            <div>
            <input type="hidden" name="shown" value="{{id}}">
            <input type="checkbox" name="subscribe" value="{{id}}" id="line-{{id}}"{{#checked}} checked{{/checked}}>
            <label for="line-{{id}}">{{list}}: {{channel}}</label>
            {{#note}}<p class="hint">{{note}}</p>{{/note}}
            </div>
            {{/lines}}
            </fieldset>
            {{/groups}}
            <button type="submit">Save my choices</button>
            </form>
            <form method="post" action="?token={{token}}">
            <input type="hidden" name="everything" value="stop">
            <button type="submit">Stop all marketing</button>
            </form>
            """
        case .problem:
            """
            <h1>This link cannot be used</h1>
            <p>{{message}}</p>
            """
        }
    }
}
