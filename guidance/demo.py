"""Demo guidance: the guidance section, a guide for each thing professionals do in the
portal (and one for school and NHS IT staff), and data guidance for every demo form."""

from ehc_forms.models import EHCFormPage
from guidance.models import DataGuidancePage, GuidanceIndexPage, GuidancePage
from portal_pages.pages.models import HomePage


def heading(text):
    return {"type": "heading", "value": text}


def paragraph(*paragraphs):
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}


def inset(text):
    return {"type": "inset", "value": f"<p>{text}</p>"}


def warning(text):
    return {"type": "warning", "value": text}


def steps(*items):
    return {"type": "numbered_steps", "value": {"steps": [f"<p>{item}</p>" for item in items]}}


def details(summary, text):
    return {"type": "details", "value": {"summary": summary, "content": f"<p>{text}</p>"}}


CONTACT = {"type": "contact_details", "value": None}

GUIDES = [
    (
        "Registering for the portal",
        "registering",
        "Who can register, which email address to use and what happens after you register.",
        [
            paragraph(
                "The portal is for professionals who work with children and young people "
                "with special educational needs and disabilities: staff in schools, colleges "
                "and early years settings, and health and social care practitioners."
            ),
            heading("Use your work email address"),
            paragraph(
                "Register with the email address you use at work. Personal addresses such as "
                "Gmail, Hotmail or Outlook.com are refused, because the SEND team must be able "
                "to tell which organisation you work for."
            ),
            paragraph(
                "A team address, such as <b>send@school.sch.uk</b>, is allowed. Each address "
                "can have only one account, so colleagues who read the same team mailbox share "
                "that account: agree between you who signs in, and remember that everyone who "
                "can read the mailbox can read the sign-in codes. A colleague who needs their "
                "own access registers with their own work address."
            ),
            heading("Confirm your email address"),
            steps(
                "Fill in the registration form with your name, job title and organisation.",
                "We email you a link. It works once, for 12 hours.",
                "Open the link and select <b>Confirm my email address</b>.",
                "The SEND team checks your registration and emails you when it is approved.",
            ),
            details(
                "The email has not arrived",
                "Check your junk or spam folder first: messages from new senders often land "
                "there. Then use <b>Send the link again</b> on the registration pages. If your "
                "organisation filters email strictly, ask your IT team to allow messages from "
                "the portal.",
            ),
            heading("If the link has expired"),
            paragraph(
                "A link older than 12 hours, or one that has been used, no longer works. The "
                "page it opens lets you ask for a new one."
            ),
        ],
    ),
    (
        "Signing in with your emailed code",
        "signing-in",
        "How the 6-digit security code works and what to do when it does not arrive.",
        [
            paragraph(
                "Each time you sign in, you enter your email address and password, then a "
                "6-digit code that we email to you. This keeps children's information safe "
                "even if someone learns your password."
            ),
            steps(
                "Enter your email address and password.",
                "Open the email with the subject about your security code.",
                "Type the 6 digits into the portal within 10 minutes.",
            ),
            details(
                "The code has not arrived",
                "Wait a minute and check your junk folder. Then select <b>Send a new code</b>; "
                "you can ask again once a minute. Only the newest code works.",
            ),
            warning(
                "After 5 wrong passwords or codes your account is locked for 15 minutes. The "
                "page tells you when you can try again."
            ),
            paragraph(
                "You can add an authenticator app from <b>Your account</b>. It then gives your "
                "codes instead of email, and email stays available if you lose your phone."
            ),
        ],
    ),
    (
        "Adding a child and checking their details",
        "adding-a-child",
        "How to add a child's record, avoid duplicates and correct details.",
        [
            paragraph(
                "Before you can complete a form about a child, add them to your records from "
                "<b>SEND</b> in the menu, then <b>Add person</b>."
            ),
            steps(
                "Enter the child's given and family names and date of birth.",
                "Add the UPN, NHS number, home postcode and setting if you have them: they "
                "help the SEND team match the record to the council's case.",
                "If a child with the same name and date of birth is already in your records, "
                "the portal shows them. Choose that record, or select <b>Save anyway</b> for a "
                "different child.",
            ),
            heading("Check the details"),
            paragraph(
                "Choosing a child opens <b>Confirm these details</b>. Each line has a "
                "<b>Change</b> link. Check the spelling of names and the date of birth: the "
                "SEND team uses them to find the child's EHC case."
            ),
            inset(
                "Only you can see the records you add. Hiding a child takes them off your "
                "active list without deleting anything."
            ),
        ],
    ),
    (
        "Finding where a child is in the EHC process",
        "where-a-child-is",
        "Reading the stage tracker and key dates on a child's SEND home.",
        [
            paragraph(
                "When the SEND team links your record to the child's EHC case, the child's "
                "SEND home shows a stage tracker: Request, Decision to assess, Assessment, "
                "Draft plan, Final plan and Annual review."
            ),
            paragraph(
                "The current stage is highlighted. Under each stage are its key dates: when "
                "something was received, when it is due and when it was done. Dates due within "
                "14 days are tagged <b>Due soon</b>, and late ones <b>Overdue</b>."
            ),
            details(
                "The tracker is not shown",
                "The SEND team has not linked your record to a case yet. This usually happens "
                "after a request for assessment is received. Contact the SEND team if you "
                "expected it.",
            ),
            paragraph("You get a message in the portal when the stage changes."),
        ],
    ),
    (
        "Completing and saving a form",
        "completing-a-form",
        "Starting a form, the task list, autosave and the 20-minute timeout.",
        [
            paragraph(
                "Start a form from the child's SEND home. After the introduction, you confirm "
                "your own details, then see the task list: each step shows <b>Not yet "
                "started</b>, <b>In progress</b>, <b>Completed</b> or <b>Cannot start yet</b>."
            ),
            heading("Your answers are saved as you type"),
            paragraph(
                "The portal saves your answers a few seconds after you stop typing, and when "
                "you leave the page. The page shows the time of the last save. <b>Save and "
                "come back later</b> keeps everything, even answers that are not finished."
            ),
            heading("The 20-minute timeout"),
            paragraph(
                "You are signed out after 20 minutes without activity. Two minutes before, a "
                "message offers <b>Stay signed in</b>. If you are signed out, what you typed "
                "has been saved, and signing in again takes you back to the step."
            ),
            details(
                "Writing long answers",
                "Each form has data guidance listing every question, its type and its "
                "character limit, with a Word template to draft your answers in. Find it in "
                "the guidance, or follow the link on the form's pages.",
            ),
        ],
    ),
    (
        "Checking, declaring and submitting a form",
        "submitting-a-form",
        "What to check before you submit, the declarations and what happens next.",
        [
            paragraph(
                "When every step is completed, check your answers on one page. Each answer "
                "has a <b>Change</b> link that takes you back to its step."
            ),
            steps(
                "Read your answers through.",
                "Confirm the declarations: that the information is correct to the best of "
                "your knowledge, and that it has been shared with the family as the form "
                "describes.",
                "Select <b>Submit</b>. Selecting it more than once still sends one submission.",
            ),
            paragraph(
                "You then see a reference, such as AR-2026-000042, and can download a PDF of "
                "what you sent. A confirmation is added to your messages."
            ),
        ],
    ),
    (
        "Changing a form after you have submitted it",
        "editing-after-submitting",
        "How a correction is made and recorded.",
        [
            paragraph(
                "Submitted answers are never overwritten. If you need to correct something, "
                "open the submission and give the reason for the change. The portal keeps the "
                "original and records the change as a new version with the same reference, "
                "for example AR-2026-000042 v2."
            ),
            inset("The SEND team sees every version and the reason given for each change."),
        ],
    ),
    (
        "Messages from the SEND team",
        "messages",
        "Reading messages, action requests and the emails that tell you about them.",
        [
            paragraph(
                "<b>Messages</b> in the menu shows how many messages you have not read. The "
                "SEND team uses messages to tell you about a child's case, ask you for "
                "something by a date, or share a form with you."
            ),
            paragraph(
                "When a message arrives we email you to say so. The email never contains a "
                "child's name or any details: sign in to read the message."
            ),
            paragraph(
                "Filter the list by <b>Unread</b>, <b>Action needed</b> or <b>Archived</b>. "
                "Archiving a message takes it off your list without deleting it."
            ),
            CONTACT,
        ],
    ),
    (
        "For school and NHS IT staff",
        "for-it-staff",
        "Allowing the portal through firewalls, proxies and email filters.",
        [
            paragraph(
                "Professionals sign in to the portal from school and NHS networks. A few "
                "network settings stop it working; this page is for the people who manage "
                "them."
            ),
            heading("Allow the portal's address"),
            paragraph(
                "Add the portal's address (the address of this page, without the path) to "
                "your web filter's allow list, and allow email from the portal's sending "
                "address so that registration links and sign-in codes are delivered."
            ),
            heading("Exempt the portal from SSL/TLS inspection"),
            warning(
                "Proxies that decrypt and inspect HTTPS traffic break sign-in and file "
                "uploads. Exempt the portal's address from SSL/TLS inspection."
            ),
            paragraph(
                "Inspection replaces the portal's certificate and can change or hold back "
                "requests, so security checks on sign-in fail and uploaded files arrive "
                "incomplete. Changing IP addresses are fine: sessions are not tied to them."
            ),
            heading("Browsers"),
            paragraph(
                "Use a supported version of Edge, Chrome, Firefox or Safari, with JavaScript "
                "and cookies allowed for the portal. The portal works without JavaScript, but "
                "autosave needs it."
            ),
            CONTACT,
        ],
    ),
    (
        "Requesting an EHC needs assessment",
        "requesting-an-assessment",
        "What to gather before you start, and the timescales that follow.",
        [
            paragraph(
                "Before you request an EHC needs assessment, gather the evidence of the "
                "support your setting has already given: the SEN support plan, at least two "
                "cycles of assess, plan, do and review, and the advice of any specialists."
            ),
            heading("What happens next"),
            paragraph(
                "The council decides whether to assess within 6 weeks of receiving the "
                "request. If it assesses, the whole process, to a final EHC plan, takes no "
                "more than 20 weeks."
            ),
        ],
    ),
]


def load():
    """Create the guidance section, each guide and a data-guidance page per live form once;
    anything that already exists is left alone."""
    home = HomePage.objects.first()
    index = GuidanceIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=GuidanceIndexPage(
                title="Guidance",
                slug="guidance",
                intro="How to use the portal and what to expect from the EHC process.",
            )
        )
        index.save_revision().publish()
    for title, slug, summary, body in GUIDES:
        if not GuidancePage.objects.filter(slug=slug).exists():
            page = index.add_child(
                instance=GuidancePage(title=title, slug=slug, summary=summary, body=body)
            )
            page.save_revision().publish()
    for form in EHCFormPage.objects.live().order_by("path"):
        if not DataGuidancePage.objects.filter(form=form).exists():
            page = index.add_child(
                instance=DataGuidancePage(
                    title=f"Data guidance: {form.title}",
                    slug=f"data-guidance-{form.slug}",
                    form=form,
                    summary=f"Every question of the {form.title.lower()} form: its type, "
                    "whether it is required, its character limit and allowed values.",
                )
            )
            page.save_revision().publish()
    return []
