package org.guardian.intervention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChildDocumentRepository extends JpaRepository<ChildDocument, Long> {

  List<ChildDocument> findByChildIdOrderByUploadedAtDescIdDesc(long childId);

  Optional<ChildDocument> findByIdAndChildId(long id, long childId);

  boolean existsByChildIdAndCaseNumberAndTypeAndUploadedAtGreaterThanEqual(long childId,
      String caseNumber, DocumentType type, Instant since);
}
