// "Adresboek": delivery addresses saved to choose them quickly when ordering. Adding, editing
// and deleting one leaves past orders as they were: each order keeps its own copy.

import { t } from "../../lib/i18n.js";
import { onSessionChange } from "../../lib/session.js";
import { currentPage, onPageShow } from "../../lib/router.js";
import { closeForm, editingId, isOpen, openForm, startForm } from "./form.js";
import { announce, focusCard, forget, keep, load, markEditing, startList } from "./list.js";

const PAGE = "address-book";

async function saved(address, wasEdit) {
  // The service decides the order, so the list is read again rather than patched.
  if (!(await load())) keep(address);
  const company = address.company;
  announce(
    wasEdit ? () => t("address-saved", { company }) : () => t("address-added", { company }),
    "success",
  );
  focusCard(address.id);
}

export function startAddressBook() {
  const add = document.getElementById("address-add");
  startForm({
    onSaved: saved,
    onGone: () => {
      markEditing(null);
      load();
    },
    onClosed: () => markEditing(null),
    onCancelled: (id) => (id === null ? add.focus() : focusCard(id)),
  });
  startList({
    onEdit: (address) => {
      if (openForm(address)) markEditing(address.id);
    },
    onDeleted: (id) => {
      if (editingId() === id) closeForm();
    },
  });

  add.addEventListener("click", () => openForm(null));

  onSessionChange((session, previous) => {
    if (session.state !== "signed_in") {
      if (isOpen()) closeForm({ force: true });
      forget();
    } else if (previous?.state !== "signed_in" && currentPage() === PAGE) {
      load();
    }
  });
  onPageShow((page) => {
    if (page === PAGE) load();
  });
}
