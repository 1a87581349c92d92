package org.guardian.registry;

import org.guardian.people.CurrentUser;
import org.hibernate.envers.RevisionListener;

/** Stamps each Envers revision with the signed-in person (or {@code system}). */
class RevisionAuthor implements RevisionListener {

  @Override
  public void newRevision(Object revisionEntity) {
    ((Revision) revisionEntity).setAuthor(CurrentUser.get().id());
  }
}
