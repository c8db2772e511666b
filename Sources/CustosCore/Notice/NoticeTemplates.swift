/// The Mustache templates of the privacy notice.
///
/// They live in code rather than in resource files so that an installed `custos` binary needs no
/// bundle beside it. Inside nested sections, optional values are written `{{.name}}`: a bare
/// `{{name}}` that is nil would be looked up in the enclosing sections instead. The templates
/// render a ``NoticePage``: the notice, and how to find the stylesheet.
enum NoticeTemplates {
    static let html = #"""
        <!DOCTYPE html>
        <html lang="en-GB">
        {{#notice}}
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} — {{controllerName}}</title>
        {{#stylesheetURL}}<link rel="stylesheet" href="{{.}}">{{/stylesheetURL}}
        {{^stylesheetURL}}<style>
        {{{inlineStylesheet}}}
        </style>{{/stylesheetURL}}
        {{#brandStylesheetURL}}<link rel="stylesheet" href="{{.}}">{{/brandStylesheetURL}}
        </head>
        <body>
        <a class="skip" href="#main">Skip to the notice</a>
        <header class="brand"><p class="brand-name">{{controllerName}}</p></header>
        <main id="main">
        <h1>{{title}}</h1>
        <p class="lede">{{controllerName}}</p>
        {{#introduction}}<p>{{.}}</p>{{/introduction}}
        {{#registrationURL}}<p><a href="{{.}}">Register with us</a>: the form says which details are needed, and why.</p>{{/registrationURL}}
        <section aria-labelledby="in-brief">
        <h2 id="in-brief">In brief</h2>
        <p>What we do with information about you, in a few lines. Choose who you are; the detail follows below.</p>
        {{#sections}}
        <details class="summary"><summary>{{name}}</summary>
        <dl>
        <dt>What we hold</dt><dd>{{summary.held}}</dd>
        <dt>Why we use it</dt><dd>{{summary.why}}</dd>
        <dt>Who we share it with</dt><dd>{{summary.shared}}</dd>
        <dt>How long we keep it</dt><dd>{{summary.kept}}</dd>
        <dt>Your rights</dt><dd>{{summary.rights}} <a href="#requests">How to ask</a>.</dd>
        </dl>
        <p><a href="#{{id}}">The detail for {{name}}</a></p>
        </details>
        {{/sections}}
        </section>
                <nav aria-labelledby="contents"><h2 id="contents">Contents</h2>
        <ol>
        <li><a href="#who-we-are">Who we are</a></li>
        {{#sections}}<li><a href="#{{id}}">{{name}}</a></li>
        {{/sections}}{{#hasTransfers}}<li><a href="#transfers">Transfers outside the UK</a></li>
        {{/hasTransfers}}<li><a href="#requests">Making a request</a></li>
        <li><a href="#complaints">Complaints</a></li>
        {{#hasCookies}}<li><a href="#cookies">Cookies</a></li>
        {{/hasCookies}}<li><a href="#changes">Changes to this notice</a></li>
        </ol>
        </nav>

        <h2 id="who-we-are">Who we are</h2>
        <p>{{controllerName}} is the controller of your personal data: we decide why and how it is used.</p>
        {{#controller}}<dl>{{#lines}}<dt>{{label}}</dt><dd>{{#.href}}<a href="{{.}}">{{/.href}}{{value}}{{#.href}}</a>{{/.href}}</dd>{{/lines}}</dl>{{/controller}}
        {{#dpo}}<h3>Our Data Protection Officer</h3>
        {{#.name}}<p>{{.}}</p>{{/.name}}
        <dl>{{#lines}}<dt>{{label}}</dt><dd>{{#.href}}<a href="{{.}}">{{/.href}}{{value}}{{#.href}}</a>{{/.href}}</dd>{{/lines}}</dl>{{/dpo}}
        {{#representative}}<h3>Our representative in the UK</h3>
        {{#.name}}<p>{{.}}</p>{{/.name}}
        <dl>{{#lines}}<dt>{{label}}</dt><dd>{{#.href}}<a href="{{.}}">{{/.href}}{{value}}{{#.href}}</a>{{/.href}}</dd>{{/lines}}</dl>{{/representative}}

        {{#sections}}
        <section aria-labelledby="{{id}}">
        <h2 id="{{id}}">{{name}}</h2>
        {{#.description}}<p>{{.}}</p>{{/.description}}
        <h3>What we hold about you</h3>
        {{#held}}
        <h4>{{name}}</h4>
        {{#.description}}<p>{{.}}</p>{{/.description}}
        <ul>
        {{#fields}}<li>{{label}}{{#isRequired}} <span class="tag">required</span>{{/isRequired}}{{#.special}} <span class="tag">special category: {{.}}</span>{{/.special}}{{#.reason}}<br><span class="muted">Why we ask: {{.}}</span>{{/.reason}}{{#.consequence}}<br><span class="muted">If you do not give it: {{.}}</span>{{/.consequence}}</li>
        {{/fields}}
        </ul>
        {{/held}}
        {{#hasSources}}
        <h3>Where we get it from</h3>
        <ul>
        {{#sources}}<li>{{recordName}}: from {{name}}{{#publiclyAccessible}} (publicly available){{/publiclyAccessible}}</li>
        {{/sources}}
        </ul>
        {{/hasSources}}
        <h3>Why we use it, and our lawful basis</h3>
        {{#purposes}}
        <h4>{{name}}</h4>
        {{#.description}}<p>{{.}}</p>{{/.description}}
        <dl>
        <dt>Lawful basis</dt><dd>{{basis}}. {{basisExplanation}} <span class="cite">{{basisReference}}</span></dd>
        {{#.legitimateInterest}}<dt>Our legitimate interest</dt><dd>{{.}}</dd>{{/.legitimateInterest}}
        {{#.recognisedInterest}}<dt>The recognised interest</dt><dd>{{.}}</dd>{{/.recognisedInterest}}
        {{#.specialCondition}}<dt>Special-category data</dt><dd>{{.}}</dd>{{/.specialCondition}}
        {{#.requirement}}<dt>Must you give it?</dt><dd>{{.}}</dd>{{/.requirement}}
        {{#.consequence}}<dt>If you do not give it</dt><dd>{{.}}</dd>{{/.consequence}}
        {{#.marketingChannels}}<dt>How we contact you</dt><dd>{{.}}</dd>{{/.marketingChannels}}
        {{#.lists}}<dt>Lists you can join separately</dt><dd>{{.}}</dd>{{/.lists}}
        {{#.withdraw}}<dt>Withdrawing consent</dt><dd>{{.}}</dd>{{/.withdraw}}
        </dl>
        {{/purposes}}
        <h3>Who we share it with</h3>
        {{#hasRecipients}}
        <table class="reflow">
        <caption>Recipients of information about {{name}}</caption>
        <thead><tr><th scope="col">Recipient</th><th scope="col">Role</th><th scope="col">Why</th><th scope="col">Where</th></tr></thead>
        <tbody>
        {{#recipients}}<tr><td data-label="Recipient">{{name}}{{#.when}}<br><span class="muted">{{.}}</span>{{/.when}}</td><td data-label="Role">{{kind}}</td><td data-label="Why">{{why}}</td><td data-label="Where">{{location}}</td></tr>
        {{/recipients}}
        </tbody>
        </table>
        {{/hasRecipients}}
        {{^hasRecipients}}<p>We do not share this information with anyone else.</p>{{/hasRecipients}}
        <h3>How long we keep it</h3>
        <table class="reflow">
        <caption>Retention of information about {{name}}</caption>
        <thead><tr><th scope="col">Information</th><th scope="col">How long</th><th scope="col">Why this long</th></tr></thead>
        <tbody>
        {{#retention}}<tr><td data-label="Information">{{recordName}}</td><td data-label="How long">{{period}}</td><td data-label="Why this long">{{#.authority}}{{.}}{{/.authority}}</td></tr>
        {{/retention}}
        </tbody>
        </table>
        {{#retentionScheduleURL}}<p><a href="{{.}}">Our retention schedule</a></p>{{/retentionScheduleURL}}
        {{#hasDecisions}}
        <h3>Automated decisions</h3>
        {{#decisions}}
        <h4>{{purpose}}</h4>
        {{#.description}}<p>{{.}}</p>{{/.description}}
        <dl><dt>How it works</dt><dd>{{logic}}</dd><dt>Why it matters</dt><dd>{{significance}}</dd><dt>What it means for you</dt><dd>{{consequences}}</dd>{{#.humanReview}}<dt>Asking for a person to review it</dt><dd>{{.}}</dd>{{/.humanReview}}</dl>
        {{/decisions}}
        {{/hasDecisions}}
        <h3>Your rights</h3>
        <dl>
        {{#rights}}<dt>{{title}}</dt><dd>{{description}}</dd>
        {{/rights}}
        </dl>
        <p>See <a href="#requests">making a request</a>.</p>
        </section>
        {{/sections}}

        {{#hasTransfers}}
        <h2 id="transfers">Transfers outside the UK</h2>
        <table class="reflow">
        <caption>Where your information goes outside the UK</caption>
        <thead><tr><th scope="col">Recipient</th><th scope="col">Country</th><th scope="col">Protection</th><th scope="col">Getting a copy</th></tr></thead>
        <tbody>
        {{#transfers}}<tr><td data-label="Recipient">{{recipient}}</td><td data-label="Country">{{country}}</td><td data-label="Protection">{{mechanism}}</td><td data-label="Getting a copy">{{#.copy}}{{.}}{{/.copy}}</td></tr>
        {{/transfers}}
        </tbody>
        </table>
        {{/hasTransfers}}

        <h2 id="requests">Making a request</h2>
        {{#requests}}<p>{{.}}</p>
        {{/requests}}
        {{#requestFormURL}}<p><a href="{{.}}">Make a request online</a></p>
        {{/requestFormURL}}
        {{#requestContact}}<h3>Where to send it</h3>
        {{#.name}}<p>{{.}}</p>{{/.name}}
        <dl>{{#lines}}<dt>{{label}}</dt><dd>{{#.href}}<a href="{{.}}">{{/.href}}{{value}}{{#.href}}</a>{{/.href}}</dd>{{/lines}}</dl>{{/requestContact}}
        {{#hasWithheld}}
        <h3>What we may withhold</h3>
        <p>When you ask for your information we will normally give you everything, but the law lets us withhold:</p>
        <ul>{{#withheld}}<li>{{.}}</li>{{/withheld}}</ul>
        <p>If we withhold anything, we will tell you unless the law says we must not.</p>
        {{/hasWithheld}}

        <h2 id="complaints">Complaints</h2>
        <p>If you are unhappy with how we use your information, please tell us first; we will acknowledge your complaint within 30 days.</p>
        {{#complaintsContact}}{{#.name}}<p>{{.}}</p>{{/.name}}
        <dl>{{#lines}}<dt>{{label}}</dt><dd>{{#.href}}<a href="{{.}}">{{/.href}}{{value}}{{#.href}}</a>{{/.href}}</dd>{{/lines}}</dl>{{/complaintsContact}}
        <p>You also have the right to complain to the Information Commissioner's Office (ICO): <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk/make-a-complaint</a>, telephone 0303 123 1113, or Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF. You may also go to court.</p>

        {{#hasCookies}}
        <h2 id="cookies">Cookies</h2>
        <table class="reflow">
        <caption>Cookies on our website</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Purpose</th><th scope="col">Type</th><th scope="col">Set by</th><th scope="col">Lasts</th><th scope="col">Asks your consent</th></tr></thead>
        <tbody>
        {{#cookies}}<tr><td data-label="Name">{{name}}</td><td data-label="Purpose">{{purpose}}{{#.provider}} ({{.}}){{/.provider}}</td><td data-label="Type">{{category}}</td><td data-label="Set by">{{party}}</td><td data-label="Lasts">{{expiry}}</td><td data-label="Asks your consent">{{#needsConsent}}Yes{{/needsConsent}}{{^needsConsent}}No{{/needsConsent}}</td></tr>
        {{/cookies}}
        </tbody>
        </table>
        {{/hasCookies}}

        <h2 id="changes">Changes to this notice</h2>
        {{#changes}}<p>{{.}}</p>{{/changes}}
        <p class="muted">{{#lastUpdated}}Last updated {{.}}. {{/lastUpdated}}{{#policyVersion}}Policy version {{.}}.{{/policyVersion}}{{#versionsURL}} <a href="{{.}}">Earlier versions, and what changed</a>.{{/versionsURL}}</p>
        </main>
        </body>
        {{/notice}}
        </html>

        """#

    static let markdown = #"""
        {{% CONTENT_TYPE: MARKDOWN}}
        {{#notice}}
        # {{title}}

        {{controllerName}}

        {{#introduction}}
        {{.}}

        {{/introduction}}
        ## Who we are

        {{controllerName}} is the controller of your personal data: we decide why and how it is used.

        {{#controller}}
        {{#lines}}
        - **{{label}}:** {{value}}
        {{/lines}}
        {{/controller}}
        {{#dpo}}

        ### Our Data Protection Officer

        {{#.name}}
        {{.}}

        {{/.name}}
        {{#lines}}
        - **{{label}}:** {{value}}
        {{/lines}}
        {{/dpo}}
        {{#representative}}

        ### Our representative in the UK

        {{#.name}}
        {{.}}

        {{/.name}}
        {{#lines}}
        - **{{label}}:** {{value}}
        {{/lines}}
        {{/representative}}

        ## In brief

        {{#sections}}
        **{{name}}**

        - **What we hold:** {{summary.held}}
        - **Why we use it:** {{summary.why}}
        - **Who we share it with:** {{summary.shared}}
        - **How long we keep it:** {{summary.kept}}
        - **Your rights:** {{summary.rights}}

        {{/sections}}
        {{#sections}}

        ## {{name}}

        {{#.description}}
        {{.}}

        {{/.description}}
        ### What we hold about you

        {{#held}}
        #### {{name}}

        {{#.description}}
        {{.}}

        {{/.description}}
        {{#fields}}
        - {{label}}{{#isRequired}} (required){{/isRequired}}{{#.special}} (special category: {{.}}){{/.special}}{{#.reason}} — why we ask: {{.}}{{/.reason}}{{#.consequence}} — if you do not give it: {{.}}{{/.consequence}}
        {{/fields}}

        {{/held}}
        {{#hasSources}}
        ### Where we get it from

        {{#sources}}
        - {{recordName}}: from {{name}}{{#publiclyAccessible}} (publicly available){{/publiclyAccessible}}
        {{/sources}}

        {{/hasSources}}
        ### Why we use it, and our lawful basis

        {{#purposes}}
        #### {{name}}

        {{#.description}}
        {{.}}

        {{/.description}}
        - **Lawful basis:** {{basis}}. {{basisExplanation}} *{{basisReference}}*
        {{#.legitimateInterest}}
        - **Our legitimate interest:** {{.}}
        {{/.legitimateInterest}}
        {{#.recognisedInterest}}
        - **The recognised interest:** {{.}}
        {{/.recognisedInterest}}
        {{#.specialCondition}}
        - **Special-category data:** {{.}}
        {{/.specialCondition}}
        {{#.requirement}}
        - **Must you give it?** {{.}}
        {{/.requirement}}
        {{#.consequence}}
        - **If you do not give it:** {{.}}
        {{/.consequence}}
        {{#.marketingChannels}}
        - **How we contact you:** {{.}}
        {{/.marketingChannels}}
        {{#.lists}}
        - **Lists you can join separately:** {{.}}
        {{/.lists}}
        {{#.withdraw}}
        - **Withdrawing consent:** {{.}}
        {{/.withdraw}}

        {{/purposes}}
        ### Who we share it with

        {{#hasRecipients}}
        | Recipient | Role | Why | Where |
        | --- | --- | --- | --- |
        {{#recipients}}
        | {{name}}{{#.when}} ({{.}}){{/.when}} | {{kind}} | {{why}} | {{location}} |
        {{/recipients}}
        {{/hasRecipients}}
        {{^hasRecipients}}
        We do not share this information with anyone else.
        {{/hasRecipients}}

        ### How long we keep it

        | Information | How long | Why this long |
        | --- | --- | --- |
        {{#retention}}
        | {{recordName}} | {{period}} | {{#.authority}}{{.}}{{/.authority}} |
        {{/retention}}

        {{#hasDecisions}}
        ### Automated decisions

        {{#decisions}}
        #### {{purpose}}

        {{#.description}}
        {{.}}

        {{/.description}}
        - **How it works:** {{logic}}
        - **Why it matters:** {{significance}}
        - **What it means for you:** {{consequences}}
        {{#.humanReview}}
        - **Asking for a person to review it:** {{.}}
        {{/.humanReview}}

        {{/decisions}}
        {{/hasDecisions}}
        ### Your rights

        {{#rights}}
        - **{{title}}:** {{description}}
        {{/rights}}
        {{/sections}}
        {{#hasTransfers}}

        ## Transfers outside the UK

        | Recipient | Country | Protection | Getting a copy |
        | --- | --- | --- | --- |
        {{#transfers}}
        | {{recipient}} | {{country}} | {{mechanism}} | {{#.copy}}{{.}}{{/.copy}} |
        {{/transfers}}
        {{/hasTransfers}}

        ## Making a request

        {{#requests}}
        {{.}}

        {{/requests}}
        {{#requestContact}}
        {{#.name}}
        {{.}}

        {{/.name}}
        {{#lines}}
        - **{{label}}:** {{value}}
        {{/lines}}
        {{/requestContact}}
        {{#hasWithheld}}

        ### What we may withhold

        When you ask for your information we will normally give you everything, but the law lets us withhold:

        {{#withheld}}
        - {{.}}
        {{/withheld}}

        If we withhold anything, we will tell you unless the law says we must not.
        {{/hasWithheld}}

        ## Complaints

        If you are unhappy with how we use your information, please tell us first; we will acknowledge your complaint within 30 days.

        {{#complaintsContact}}
        {{#lines}}
        - **{{label}}:** {{value}}
        {{/lines}}
        {{/complaintsContact}}

        You also have the right to complain to the Information Commissioner's Office (ICO): https://ico.org.uk/make-a-complaint/, telephone 0303 123 1113. You may also go to court.
        {{#hasCookies}}

        ## Cookies

        | Name | Purpose | Type | Set by | Lasts | Asks your consent |
        | --- | --- | --- | --- | --- | --- |
        {{#cookies}}
        | {{name}} | {{purpose}}{{#.provider}} ({{.}}){{/.provider}} | {{category}} | {{party}} | {{expiry}} | {{#needsConsent}}Yes{{/needsConsent}}{{^needsConsent}}No{{/needsConsent}} |
        {{/cookies}}
        {{/hasCookies}}

        ## Changes to this notice

        {{#changes}}
        {{.}}

        {{/changes}}
        {{#lastUpdated}}Last updated {{.}}. {{/lastUpdated}}{{#policyVersion}}Policy version {{.}}.{{/policyVersion}}
        {{/notice}}

        """#

    /// The notice's stylesheet: GOV.UK-like type and colours, AA contrast, visible focus, print-friendly.
    static let stylesheet = """
        body{font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0b0c0c;background:#fff;margin:0}
        main{max-width:46rem;margin:0 auto;padding:1rem 1.25rem 3rem}
        h1{font-size:2rem;line-height:1.2;margin:1.5rem 0 .25rem}h2{font-size:1.5rem;margin:2.5rem 0 .5rem;border-top:1px solid #b1b4b6;padding-top:1.25rem}
        h3{font-size:1.2rem;margin:1.75rem 0 .5rem}h4{font-size:1.05rem;margin:1.25rem 0 .25rem}
        a{color:#1d4f91}a:focus,summary:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem}
        .cite{display:block;color:#505a5f;font-size:.85rem}details.summary{border-left:5px solid #b1b4b6;padding:.25rem 0 .25rem 1rem;margin:.5rem 0}details.summary summary{font-weight:600;cursor:pointer;color:#1d4f91}
        .brand{border-top:.5rem solid #1d4f91;max-width:46rem;margin:0 auto;padding:.75rem 1.25rem 0}.brand-name{display:inline-block;margin:0;font-weight:700;font-size:1.15rem;color:#0b0c0c;text-decoration:none}
        .lede{font-size:1.25rem;color:#383f43;margin-top:0}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
        th,td{border-bottom:1px solid #b1b4b6;padding:.45rem .5rem .45rem 0;text-align:left;vertical-align:top}
        .tag{display:inline-block;font-size:.8rem;font-weight:600;padding:0 .35rem;border:1px solid #383f43;border-radius:2px}
        .muted{color:#383f43;font-size:.9rem}dl{margin:.25rem 0 1rem}dt{font-weight:600}dd{margin:0 0 .5rem}
        label,legend{display:block;font-weight:600;margin:1rem 0 .25rem}fieldset{border:0;padding:0;margin:1rem 0}
        .choice{display:flex;align-items:flex-start;gap:.6rem;margin:.6rem 0}.choice input{flex:none;margin:.1rem 0 0}.choice label{display:block;font-weight:400;margin:0;padding-top:.05rem}.choice .hint{margin:.1rem 0 0}
        input[type=text],input[type=email],input[type=tel],input[type=password],textarea,select{font:inherit;width:100%;max-width:30rem;box-sizing:border-box;padding:.35rem;border:2px solid #0b0c0c}
        input[type=radio],input[type=checkbox]{width:1.6rem;height:1.6rem;accent-color:#0b0c0c}
        input:focus,textarea:focus,select:focus,button:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
        button{font:inherit;font-weight:600;background:#00703c;color:#fff;border:0;padding:.5rem 1rem;margin:1rem 0;box-shadow:0 2px 0 #002d18;cursor:pointer}
        button:focus{background:#fd0;color:#0b0c0c}
        .hint{color:#505a5f;margin:0 0 .35rem}.panel{border:3px solid #00703c;padding:.25rem 1rem;margin:1rem 0}.panel.warning{border-color:#f47738}
        .error-summary{border:5px solid #d4351c;padding:.25rem 1rem;margin:1rem 0}.error-summary h2{border-top:0;padding-top:0;margin:.75rem 0 .5rem}.error-summary a{color:#d4351c;font-weight:600}
        .error-summary:focus{outline:3px solid #fd0}.error-message{color:#d4351c;font-weight:600;margin:.25rem 0}
        .field-error{border-left:5px solid #d4351c;padding-left:.75rem}.field-error input,.field-error textarea{border-color:#d4351c}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        @media (max-width:40rem){table.reflow thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        table.reflow tr{display:block;border-bottom:1px solid #b1b4b6;padding:.4rem 0}table.reflow td{display:block;border:0;padding:.1rem 0}
        table.reflow td[data-label]::before{content:attr(data-label) ": ";font-weight:600}}
        @media print{.skip,nav{display:none}a{color:#0b0c0c}}
        """
}
