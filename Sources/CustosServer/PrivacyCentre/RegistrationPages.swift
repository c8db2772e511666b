import Hummingbird
import Mustache

/// The pages of the privacy centre's registration form: the form, made from the policy's record
/// type (``RecordFormView``), with the GOV.UK error summary when it comes back and a warning
/// against a shared address; the "check your email" page; and the two steps of the link.
struct RegistrationPages: Sendable {
    enum Page: String, CaseIterable {
        case form
        case sent
        case confirm
        case registered
        case problem
    }

    private let library: MustacheLibrary

    init() {
        library = PrivacyCentreLayout.library(of: Page.self, title: "{{title}}: {{organisation}}", source: Self.source)
    }

    func render(_ page: Page, _ values: [String: Any], status: HTTPResponse.Status = .ok) -> TextResponse {
        .html(library.render(values, withTemplate: page.rawValue) ?? "", status: status)
    }

    private static func source(_ page: Page) -> String {
        switch page {
        case .form:
            """
            {{#hasProblems}}
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>{{#problems}}<li>{{#field}}<a href="#{{.}}">{{/field}}{{message}}{{#field}}</a>{{/field}}</li>{{/problems}}</ul>
            </div>
            {{/hasProblems}}
            <h1>Register: {{typeName}}</h1>
            {{#typeDescription}}<p>{{.}}</p>{{/typeDescription}}
            <p>Fields marked (required) must be given; the rest are optional. We will email you a link:
            follow it to confirm the address is yours and finish registering.</p>
            {{#tellsLeads}}<p>When you have registered, we tell the lead users at your school, so that only
            eligible staff use the service.</p>{{/tellsLeads}}
            <form method="post" action="/privacy/{{workspace}}/register" novalidate>
            \(RecordFormView.template)
            {{#sharedAddress}}
            <div class="panel warning" id="shared-address">
            <h2>Is this address yours alone?</h2>
            <p>{{.}}. Accounts are personal: do not use a generic school address such as admin@ or office@,
            which others read.</p>
            <div class="choice"><input type="checkbox" id="f-shared-address" name="shared-address" value="mine">
            <label for="f-shared-address">Only I read this address</label></div>
            </div>
            {{/sharedAddress}}
            <button type="submit">Register</button>
            </form>
            <p>Read <a href="/privacy/{{workspace}}">our privacy notice</a> to see how we use what you give us.</p>
            """
        case .sent:
            """
            <div class="panel">
            <h1>Check your email</h1>
            <p>If the address you gave is right, an email from {{organisation}} is on its way to it.</p>
            </div>
            <p>Follow the link in the email within {{hours}} hours to finish registering. Until you do, we keep
            what you gave only for that long.</p>
            <p>If nothing arrives, check your junk folder, or register again.</p>
            """
        case .confirm:
            """
            <h1>Finish registering</h1>
            <p>Confirm that you registered with {{organisation}}, and that this email address is yours.</p>
            <form method="post" action="?token={{token}}">
            <button type="submit">Confirm and register</button>
            </form>
            <p>If you did not register, close this page: what was given is deleted when the link expires.</p>
            """
        case .registered:
            """
            <div class="panel">
            <h1>You are registered</h1>
            <p>Thank you: {{organisation}} has your registration.</p>
            </div>
            {{#tellsLeads}}<p>We will let the lead users at your school know that you have registered.</p>{{/tellsLeads}}
            <p>You can <a href="/privacy/{{workspace}}/request">ask us</a> at any time for a copy of what we hold
            about you, or to correct or delete it.</p>
            """
        case .problem:
            """
            <h1>{{title}}</h1>
            <p>{{message}}</p>
            """
        }
    }
}
