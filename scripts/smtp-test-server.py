#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for the tests (aiosmtpd), writing each message it accepts to a folder.

Prints "READY <port>" once it listens. Options make it misbehave the way real servers do:
  --defer N              answer the first N DATA commands with 451 (try again later)
  --reject-recipient S   answer RCPT TO for an address containing S with 550 (echoing the address)
  --tls-cert/--tls-key   offer STARTTLS with this certificate, and require it before MAIL
Each accepted message is written as <n>.json: {"mail_from", "rcpt_tos", "data"}.
"""
import argparse
import json
import os
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, folder, defer, reject):
        self.folder = folder
        self.defer = defer
        self.reject = reject
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.reject and self.reject in address:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.defer > 0:
            self.defer -= 1
            return "451 4.3.0 Please try again later"
        self.count += 1
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "data": envelope.original_content.decode("utf-8", "replace"),
        }
        path = os.path.join(self.folder, f"{self.count:05d}.json")
        with open(path + ".partial", "w") as handle:
            json.dump(record, handle)
        os.rename(path + ".partial", path)
        return "250 2.0.0 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--folder", required=True)
    parser.add_argument("--defer", type=int, default=0)
    parser.add_argument("--reject-recipient", default="")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()

    options = {}
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        options = {"tls_context": context, "require_starttls": True}
    controller = Controller(
        Recorder(args.folder, args.defer, args.reject_recipient),
        hostname="127.0.0.1", port=port, server_hostname="localhost", **options)
    controller.start()
    print(f"READY {port}", flush=True)
    try:
        # Runs until the test stops it (or its standard input closes).
        while sys.stdin.read(1):
            time.sleep(0.1)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
