package ua.kuznia.matching.engine;

/** A matching rule as coordinators see it: a stable id and what it checks, in English and Ukrainian. */
public interface Rule {

    String id();

    String descriptionEn();

    String descriptionUk();
}
