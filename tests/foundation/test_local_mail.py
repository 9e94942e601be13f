from email import message_from_bytes

from django.core.mail import EmailMessage

from portal_site.mail import LocalMailBackend


def test_local_mail_backend_writes_an_eml_file_and_echoes_to_the_console(tmp_path, capsys):
    backend = LocalMailBackend(mail_dir=tmp_path)
    message = EmailMessage("Your code", "Your code is 123456", "portal@example.org", ["a@b.sch.uk"])

    assert backend.send_messages([message]) == 1

    files = list(tmp_path.glob("*.eml"))
    assert len(files) == 1
    parsed = message_from_bytes(files[0].read_bytes())
    assert parsed["Subject"] == "Your code"
    assert "123456" in parsed.get_payload()
    assert "Your code is 123456" in capsys.readouterr().out
