package ua.kuznia.offer;

public enum OfferStatus {
    DRAFT, OPEN, CLOSED, WITHDRAWN
}
