package ua.kuznia.profile;

public enum ProfileStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
