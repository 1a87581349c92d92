package org.guardian.reporting;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public report page takes at most {@code guardian.reporting.public-page.reports-per-hour}
 * submissions (valid or not) per client address in any hour: a token bucket per address (Bucket4j),
 * refilled gradually, the buckets of addresses not seen for an hour forgotten (Caffeine). The client
 * address is the one Tomcat determined: behind the county's reverse proxy, the {@code
 * X-Forwarded-For} it sets ({@code server.forward-headers-strategy: native} trusts it only from
 * internal proxy addresses).
 */
@Component
class PublicReportRateLimit {

  private final long perHour;
  private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
      .expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();

  PublicReportRateLimit(
      @Value("${guardian.reporting.public-page.reports-per-hour:5}") long perHour) {
    this.perHour = perHour;
  }

  /** Takes one submission from the address's allowance; false when it is used up. */
  boolean tryAcquire(String clientAddress) {
    Bucket bucket = buckets.get(clientAddress, a -> Bucket.builder()
        .addLimit(limit -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
        .build());
    return bucket.tryConsume(1);
  }

  long perHour() {
    return perHour;
  }
}
