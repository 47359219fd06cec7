-- Issue 18: drafts and queued orders are kept in the names the UI and the service use
-- (snake_case). Bodies saved while the UI still sent camelCase are rewritten once here, so the
-- desktop's types need no second set of names for them. A body that is not JSON is left as it
-- is (the store reports it as damaged when it is opened); CASE keeps json_type from reading it.

UPDATE drafts
   SET body = json_set(json_remove(body, '$.accountNumber'), '$.account_number', json(body -> '$.accountNumber'))
 WHERE CASE WHEN json_valid(body)
            THEN json_type(body, '$.accountNumber') IS NOT NULL AND json_type(body, '$.account_number') IS NULL
            ELSE 0 END;

UPDATE drafts
   SET body = json_set(json_remove(body, '$.saveAccountNumber'), '$.save_account_number', json(body -> '$.saveAccountNumber'))
 WHERE CASE WHEN json_valid(body)
            THEN json_type(body, '$.saveAccountNumber') IS NOT NULL AND json_type(body, '$.save_account_number') IS NULL
            ELSE 0 END;

UPDATE drafts
   SET body = json_set(json_remove(body, '$.accountName'), '$.account_name', json(body -> '$.accountName'))
 WHERE CASE WHEN json_valid(body)
            THEN json_type(body, '$.accountName') IS NOT NULL AND json_type(body, '$.account_name') IS NULL
            ELSE 0 END;

UPDATE drafts
   SET body = json_set(json_remove(body, '$.addressBookId'), '$.address_book_id', json(body -> '$.addressBookId'))
 WHERE CASE WHEN json_valid(body)
            THEN json_type(body, '$.addressBookId') IS NOT NULL AND json_type(body, '$.address_book_id') IS NULL
            ELSE 0 END;

UPDATE drafts
   SET body = json_set(json_remove(body, '$.saveAddress'), '$.save_address', json(body -> '$.saveAddress'))
 WHERE CASE WHEN json_valid(body)
            THEN json_type(body, '$.saveAddress') IS NOT NULL AND json_type(body, '$.save_address') IS NULL
            ELSE 0 END;

UPDATE drafts
   SET body = json_set(json_remove(body, '$.updatedAt'), '$.updated_at', json(body -> '$.updatedAt'))
 WHERE CASE WHEN json_valid(body)
            THEN json_type(body, '$.updatedAt') IS NOT NULL AND json_type(body, '$.updated_at') IS NULL
            ELSE 0 END;

UPDATE drafts
   SET body = json_set(json_remove(body, '$.address.contactPerson'), '$.address.contact_person', json(body -> '$.address.contactPerson'))
 WHERE CASE WHEN json_valid(body)
            THEN json_type(body, '$.address.contactPerson') IS NOT NULL AND json_type(body, '$.address.contact_person') IS NULL
            ELSE 0 END;

UPDATE drafts
   SET body = json_set(json_remove(body, '$.address.boxNumber'), '$.address.box_number', json(body -> '$.address.boxNumber'))
 WHERE CASE WHEN json_valid(body)
            THEN json_type(body, '$.address.boxNumber') IS NOT NULL AND json_type(body, '$.address.box_number') IS NULL
            ELSE 0 END;

UPDATE drafts
   SET body = json_set(json_remove(body, '$.address.postalCode'), '$.address.postal_code', json(body -> '$.address.postalCode'))
 WHERE CASE WHEN json_valid(body)
            THEN json_type(body, '$.address.postalCode') IS NOT NULL AND json_type(body, '$.address.postal_code') IS NULL
            ELSE 0 END;

UPDATE drafts
   SET body = json_set(json_remove(body, '$.address.driverNote'), '$.address.driver_note', json(body -> '$.address.driverNote'))
 WHERE CASE WHEN json_valid(body)
            THEN json_type(body, '$.address.driverNote') IS NOT NULL AND json_type(body, '$.address.driver_note') IS NULL
            ELSE 0 END;
