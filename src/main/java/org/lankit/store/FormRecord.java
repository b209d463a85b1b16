package org.lankit.store;

import io.objectbox.annotation.Entity;
import io.objectbox.annotation.Id;
import io.objectbox.annotation.Index;

/** One version of a form, as JSON. */
@Entity
public class FormRecord {
    @Id
    public long id;
    @Index
    public String formId;
    public int version;
    public String json;
    public long createdAt;
}
