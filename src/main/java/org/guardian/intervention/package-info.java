/**
 * Guardianship intervention (监护干预), part 2 of the case chain: the graded ladder led by legal
 * officers (dissuasion, admonition or written warning, family-education guidance order, the
 * procuratorate's supervision order, personal safety protection order, revocation of guardianship),
 * long-term state guardianship or restoration, and the orders in the child's file. Process {@code
 * guardianship-intervention}.
 */
package org.guardian.intervention;
