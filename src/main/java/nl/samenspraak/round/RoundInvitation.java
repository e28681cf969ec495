package nl.samenspraak.round;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One single-use invitation of a round: its code and whether it was used, nothing about who used it or when. */
@MappedEntity("round_invitation")
public record RoundInvitation(@Id String code, Long roundId, boolean used) {
}
