package org.lankit.testkit;

import java.nio.file.Path;

/**
 * The household survey XLSForm of forms.md: a repeat of members with a group inside, skip logic,
 * constraints with messages in two languages, select_multiple, a choice filter, a location, a
 * photo, metadata and a calculation. {@link #main} writes the example file the docs link to.
 */
public final class HouseholdSurvey {

    /** Where the docs keep the example (from the project folder). */
    public static final Path EXAMPLE = Path.of("src/site/markdown/examples/household-survey.xlsx");

    private HouseholdSurvey() {
    }

    public static XlsFormFile file() {
        return new XlsFormFile()
                .sheet("survey", "type", "name", "label::English", "label::Français", "hint::English", "required",
                        "relevant", "constraint", "constraint_message::English", "constraint_message::Français",
                        "calculation", "choice_filter", "appearance", "default")
                .row("start", "started")
                .row("today", "visit_day")
                .row("text", "respondent", "Name of the person answering", "Nom de la personne qui répond", "", "yes")
                .row("integer", "household_size", "How many people live here?", "Combien de personnes vivent ici ?",
                        "Count everyone who slept here last night", "yes", "", ". >= 1 and . <= 30",
                        "Between 1 and 30 people", "Entre 1 et 30 personnes")
                .row("select_one yes_no", "has_water", "Is there running water?", "Y a-t-il l'eau courante ?", "", "yes")
                .row("select_multiple water_source", "water_sources", "Where do you fetch water?",
                        "Où allez-vous chercher l'eau ?", "Choose all that apply", "yes", "${has_water} = 'no'",
                        "not(selected(., 'none')) or count-selected(.) = 1", "'None' goes alone", "'Aucune' va seule")
                .row("select_one region", "region", "Region", "Région", "", "yes")
                .row("select_one district", "district", "District", "District", "", "yes", "", "", "", "", "",
                        "region = ${region}")
                .row("geopoint", "location", "Where is the house?", "Où est la maison ?", "Stand at the door")
                .row("image", "house_photo", "Photo of the house", "Photo de la maison")
                .row("begin repeat", "members", "Household members", "Membres du ménage")
                .row("text", "member_name", "Name", "Nom", "", "yes")
                .row("integer", "age", "Age in years", "Âge en années", "", "yes", "", ". >= 0 and . <= 120",
                        "An age between 0 and 120", "Un âge entre 0 et 120")
                .row("select_one sex", "sex", "Sex", "Sexe", "", "yes")
                .row("begin group", "schooling", "School", "École", "", "", "${age} >= 5 and ${age} <= 18")
                .row("select_one yes_no", "in_school", "Goes to school?", "Va à l'école ?", "", "yes")
                .row("end group")
                .row("end repeat")
                .row("calculate", "member_count", "", "", "", "", "", "", "", "", "count(${members})")
                .row("note", "members_note", "You listed ${member_count} members.", "Vous avez noté ${member_count} membres.",
                        "", "", "", "", "", "", "", "", "", "")
                .row("date", "visit_date", "Date of the visit", "Date de la visite", "", "", "", ". <= today()",
                        "Not in the future", "Pas dans le futur")
                .row("time", "visit_time", "Time of the visit", "Heure de la visite")
                .row("text", "remarks", "Remarks", "Remarques", "", "", "", "", "", "", "", "", "multiline", "none")
                .sheet("choices", "list_name", "name", "label::English", "label::Français", "region")
                .row("yes_no", "yes", "Yes", "Oui")
                .row("yes_no", "no", "No", "Non")
                .row("water_source", "well", "Well", "Puits")
                .row("water_source", "river", "River", "Rivière")
                .row("water_source", "rain", "Rain water", "Eau de pluie")
                .row("water_source", "none", "None", "Aucune")
                .row("region", "north", "North", "Nord")
                .row("region", "south", "South", "Sud")
                .row("district", "hills", "Hills", "Collines", "north")
                .row("district", "lakes", "Lakes", "Lacs", "north")
                .row("district", "coast", "Coast", "Côte", "south")
                .row("sex", "female", "Female", "Féminin")
                .row("sex", "male", "Male", "Masculin")
                .sheet("settings", "form_id", "form_title", "version", "default_language")
                .row("household_survey", "Household survey", "2026120301", "English");
    }

    /** Writes {@link #EXAMPLE} again (run from the project folder after changing {@link #file()}). */
    public static void main(String[] args) {
        System.out.println("Wrote " + file().writeTo(EXAMPLE).toAbsolutePath());
    }
}
