import CustosServices
import Hummingbird
import Mustache

/// The pages of the privacy centre's request form: the form (with the GOV.UK error summary when
/// it comes back), the "check your email" page, and the two steps of the confirmation link.
/// Plain HTML that works without script, every input labelled, readable on a phone.
struct RequestFormPages: Sendable {
    enum Page: String, CaseIterable {
        case form
        case sent
        case confirm
        case confirmed
        case problem
    }

    private let library: MustacheLibrary

    init() {
        library = PrivacyCentreLayout.library(of: Page.self, title: "{{title}}: {{organisation}}", source: Self.source)
    }

    func render(_ page: Page, _ values: [String: Any], status: HTTPResponse.Status = .ok) -> TextResponse {
        .html(library.render(values, withTemplate: page.rawValue) ?? "", status: status)
    }

    func problem(_ status: HTTPResponse.Status, _ message: String, vault: Vault) -> TextResponse {
        render(
            .problem,
            [
                "title": "This link cannot be used", "organisation": vault.policy.controller.displayName,
                "workspace": vault.workspace.name, "message": message,
            ], status: status)
    }

    private static func source(_ page: Page) -> String {
        switch page {
        case .form:
            """
            {{#hasProblems}}
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>{{#problems}}<li><a href="#{{field}}">{{message}}</a></li>{{/problems}}</ul>
            </div>
            {{/hasProblems}}
            <h1>Make a request about your information</h1>
            <p>You can ask {{organisation}} what information it holds about you, and to correct it, delete it
            or stop using it. {{deadline}}</p>
            <p>We will email you a link. Follow it to confirm the address is yours; then we start on your
            request.{{#verification}} {{.}}{{/verification}}</p>
            <form method="post" action="/privacy/{{workspace}}/request" novalidate>
            <div class="{{#kindError}}field-error{{/kindError}}">
            <fieldset aria-describedby="kind-hint{{#kindError}} kind-error{{/kindError}}">
            <legend>What are you asking for?</legend>
            <p class="hint" id="kind-hint">Choose one. You can make another request afterwards.</p>
            {{#kindError}}<p class="error-message" id="kind-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/kindError}}
            {{#kinds}}
            <div class="choice"><input type="radio" name="kind" id="{{id}}" value="{{value}}"{{#checked}} checked{{/checked}}>
            <label for="{{id}}">{{label}}</label></div>
            {{/kinds}}
            </fieldset>
            </div>
            <div class="{{#nameError}}field-error{{/nameError}}">
            <label for="name">Your full name</label>
            {{#nameError}}<p class="error-message" id="name-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/nameError}}
            <input type="text" id="name" name="name" autocomplete="name" value="{{name}}"{{#nameError}} aria-describedby="name-error" aria-invalid="true"{{/nameError}}>
            </div>
            <div class="{{#emailError}}field-error{{/emailError}}">
            <label for="email">Your email address</label>
            <p class="hint" id="email-hint">We send the confirmation link here, and write to you here about your request.</p>
            {{#emailError}}<p class="error-message" id="email-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/emailError}}
            <input type="email" id="email" name="email" autocomplete="email" spellcheck="false" value="{{email}}" aria-describedby="email-hint{{#emailError}} email-error{{/emailError}}"{{#emailError}} aria-invalid="true"{{/emailError}}>
            </div>
            <div class="{{#detailsError}}field-error{{/detailsError}}">
            <label for="details">Tell us about your request (optional)</label>
            <p class="hint" id="details-hint">For example, which information is wrong and what it should say, or which use you object to.</p>
            {{#detailsError}}<p class="error-message" id="details-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/detailsError}}
            <textarea id="details" name="details" rows="5" aria-describedby="details-hint{{#detailsError}} details-error{{/detailsError}}">{{details}}</textarea>
            </div>
            <div class="{{#forSomeoneElseError}}field-error{{/forSomeoneElseError}}">
            {{#forSomeoneElseError}}<p class="error-message" id="for-someone-else-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/forSomeoneElseError}}
            <div class="choice"><input type="checkbox" id="for-someone-else" name="for-someone-else" value="yes"{{#forSomeoneElse}} checked{{/forSomeoneElse}}>
            <label for="for-someone-else">I am asking for someone else (for example, my child)</label></div>
            </div>
            <fieldset>
            <legend>If you are asking for someone else</legend>
            <div class="{{#relationshipError}}field-error{{/relationshipError}}">
            <label for="relationship">How are you related to them?</label>
            <p class="hint" id="relationship-hint">For example, parent or carer.</p>
            {{#relationshipError}}<p class="error-message" id="relationship-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/relationshipError}}
            <input type="text" id="relationship" name="relationship" value="{{relationship}}" aria-describedby="relationship-hint{{#relationshipError}} relationship-error{{/relationshipError}}">
            </div>
            <div class="{{#theirNameError}}field-error{{/theirNameError}}">
            <label for="their-name">Their full name</label>
            {{#theirNameError}}<p class="error-message" id="their-name-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/theirNameError}}
            <input type="text" id="their-name" name="their-name" value="{{theirName}}"{{#theirNameError}} aria-describedby="their-name-error"{{/theirNameError}}>
            </div>
            <div class="{{#competenceError}}field-error{{/competenceError}}">
            <label for="competence">Can they understand their rights, and do they agree to this request?</label>
            <p class="hint" id="competence-hint">A child aged 12 or over is usually able to make their own request. If they are, we ask them first.</p>
            {{#competenceError}}<p class="error-message" id="competence-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/competenceError}}
            <textarea id="competence" name="competence" rows="3" aria-describedby="competence-hint{{#competenceError}} competence-error{{/competenceError}}">{{competence}}</textarea>
            </div>
            </fieldset>
            <button type="submit">Send request</button>
            </form>
            """
        case .sent:
            """
            <div class="panel">
            <h1>Check your email</h1>
            <p>If the address you gave is right, an email from {{organisation}} is on its way to it.</p>
            </div>
            <p>Follow the link in the email within {{hours}} hours to confirm your request. We start on it
            once you have.</p>
            <p>If nothing arrives, check your junk folder, or make the request again.</p>
            """
        case .confirm:
            """
            <h1>Confirm your request</h1>
            <p>Confirm that you made this request to {{organisation}}, and that this email address is yours.</p>
            <form method="post" action="?token={{token}}">
            <button type="submit">Confirm my request</button>
            </form>
            <p>If you did not make this request, close this page: nothing more will happen.</p>
            """
        case .confirmed:
            """
            <div class="panel">
            <h1>Your request is confirmed</h1>
            <p>Your reference is <strong>{{reference}}</strong>.</p>
            </div>
            {{#dueOn}}<p>We have started on your request. We will answer by <strong>{{.}}</strong> at the latest.</p>{{/dueOn}}
            {{^dueOn}}<p>We will be in touch to check who you are{{#forSomeoneElse}}, and your right to ask for the person you named{{/forSomeoneElse}}. The time we have to answer starts once we have.</p>{{/dueOn}}
            <p>Keep your reference: quote it if you write to us about this request.</p>
            """
        case .problem:
            """
            <h1>{{title}}</h1>
            <p>{{message}}</p>
            """
        }
    }
}
