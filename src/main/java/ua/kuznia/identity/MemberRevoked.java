package ua.kuznia.identity;

/** An admin revoked a member's access; observed inside the revoking transaction. */
public record MemberRevoked(String subject) {
}
