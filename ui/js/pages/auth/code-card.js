// The two cards where a code from an e-mail is typed (activating a login, choosing a new
// password) work alike: the form sends the code, and "send it again" mails a new one to the
// address in the card. Their elements share a prefix: `<name>-form`, `-email`, `-code`, `-resend`.

import { connectForm, resetForm, run, showStatus, trimmed } from "../../lib/forms.js";

/**
 * `send()` sends the form; `done(email)` follows a success (the form is emptied first);
 * `resend(email)` asks for another code and `resent(email)` is the message that says so.
 */
export function startCodeCard(name, { fields, send, done, resend, resent }) {
  const form = document.getElementById(`${name}-form`);
  const email = () => trimmed(`${name}-email`);
  connectForm(form, {
    fields,
    send,
    done: () => {
      const sentFrom = email();
      resetForm(form);
      done(sentFrom);
    },
  });

  const button = document.getElementById(`${name}-resend`);
  button.addEventListener("click", () =>
    run(form, button, {
      fields,
      check: ["email"],
      send: () => resend(email()),
      done: () => {
        const to = email();
        showStatus(form, () => resent(to), "success");
        document.getElementById(`${name}-code`).focus();
      },
    }),
  );
}
