package be.segec.extranet.testkit.internal.generation;

import java.util.List;

/** Belgian French and Dutch names as school software holds them: accents, particles, apostrophes, hyphens. */
final class NameData {

    private NameData() {
    }

    static final List<String> FRENCH_LAST = List.of(
            "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Lejeune", "Renard", "Leclercq", "Lefèbvre",
            "François", "Gérard", "Hubert", "Collignon", "Delvaux", "Pirotte", "Stévenart", "Noël", "Thiry", "Bodart",
            "Jacquemin", "Lheureux", "Wéry", "Hénin", "Légat", "Mathieu", "Goffin", "Rémy", "Hérion", "Pâquet",
            "Dewez", "Frère", "Lhoest", "Gilles", "Léonard", "Delcourt", "Crèvecœur", "Bastin", "Hançart", "Génicot");

    static final List<String> DUTCH_LAST = List.of(
            "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "Vermeulen",
            "Verstraete", "Desmet", "Hermans", "Coppens", "Lambrechts", "Vandenberghe", "Verhaegen", "Segers", "Aerts",
            "Vanhoutte", "Claeys", "Dierickx", "Geeraerts", "Vercruysse", "Baeyens", "Moens", "Verbeeck", "Brouckaert");

    /** Bases that take a particle: "Van den Broeck", "De Smet", "van der Linden". */
    static final List<String> PARTICLE_BASES = List.of(
            "Broeck", "Berghe", "Linden", "Velde", "Meulen", "Bossche", "Smet", "Clercq", "Wilde", "Coster", "Backer",
            "Groote", "Winter", "Bruyne", "Vos", "Ridder", "Poorter", "Keyser", "Heuvel", "Damme", "Acker", "Steen");

    static final List<String> PARTICLES = List.of(
            "van der ", "Van der ", "Van den ", "van den ", "Van de ", "de ", "De ", "Van ", "van ", "Vande", "Vander",
            "Le ", "Du ", "Della ", "de la ", "Ver");

    static final List<String> APOSTROPHE_LAST = List.of(
            "D'Hondt", "D'Haese", "D'Hooghe", "d'Ursel", "D'Hulst", "T'Kint", "T'Jampens", "D'Haenens", "l'Olivier",
            "D'Alcantara", "d'Aspremont", "D’Hoore", "D'Oultremont");

    static final List<String> FRENCH_FIRST = List.of(
            "Marie", "Anaïs", "Léa", "Zoë", "Maëlle", "Noël", "Hélène", "Jérôme", "Françoise", "Céline", "Gaëtan",
            "Raphaël", "Benoît", "Chloé", "Éloïse", "Amélie", "Loïc", "Stéphanie", "Agnès", "Thérèse", "José", "Joëlle",
            "Clément", "Aurélie", "Mélanie", "Cédric", "Frédéric", "Grégory", "Inès", "Maïté", "Noémie", "Luc", "Anne",
            "Pierre", "Sophie", "Nathalie", "Christophe", "Véronique", "Ophélie", "Hervé");

    static final List<String> DUTCH_FIRST = List.of(
            "Jan", "Pieter", "Anneleen", "Sofie", "Bart", "Els", "Lies", "Wouter", "Jef", "Griet", "Koen", "Ine", "Joke",
            "Tine", "Jozef", "Ruben", "Jens", "Febe", "Siebe", "Ilse", "Kristof", "Sien", "Lotte", "Hanne", "Maarten",
            "Dirk", "Geert", "Hilde", "Tom", "An", "Rik", "Daniël", "Michaël", "Chloë", "Noë", "IJsbrand");

    /** Halves of compound French first names: "Marie-Claire", "Jean-François". */
    static final List<String> COMPOUND_FIRST = List.of(
            "Marie", "Jean", "Anne", "Pierre", "Claire", "François", "Luc", "Sophie", "Thérèse", "Yves", "Paul", "Noëlle",
            "Hélène", "Michel", "Laure", "Louis");

    static final List<String> DOMAINS = List.of(
            "ecole-saint-joseph.be", "sainte-marie-namur.be", "college-saint-pierre.be", "institut-saint-louis.be",
            "kasteelschool.be", "sint-jozefscollege.be", "gmail.com", "hotmail.com", "outlook.be", "skynet.be",
            "telenet.be", "proximus.be", "yahoo.fr", "segec.be", "enseignement.be", "ens.uclouvain.be");
}
