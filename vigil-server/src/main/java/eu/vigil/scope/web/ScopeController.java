package eu.vigil.scope.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.vigil.core.nis2.EntityType;
import eu.vigil.core.nis2.EntityTypes;
import eu.vigil.core.nis2.FieldProblem;
import eu.vigil.core.nis2.InvalidProfileException;
import eu.vigil.core.nis2.MemberStates;
import eu.vigil.identity.CurrentUser;
import eu.vigil.scope.EntityScope;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The scope pages: the classification with its reasons, and the guided profile form. */
@Controller
class ScopeController {

    static final String READ = "hasAnyRole('ADMIN','MANAGEMENT','COMPLIANCE','SECURITY','AUDITOR')";
    static final String WRITE = "hasAnyRole('ADMIN','COMPLIANCE')";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityScope scope;

    ScopeController(EntityScope scope) {
        this.scope = scope;
    }

    @GetMapping("/scope")
    @PreAuthorize(READ)
    String overview(Model model) {
        model.addAttribute("current", scope.current().orElse(null));
        model.addAttribute("history", scope.history());
        model.addAttribute("memberStates", MemberStates.all());
        return "scope/overview";
    }

    @GetMapping("/scope/profile")
    @PreAuthorize(WRITE)
    String form(Model model) {
        ProfileForm form = scope.current().map(s -> ProfileForm.of(s.profile())).orElseGet(ProfileForm::empty);
        return showForm(model, form, List.of());
    }

    @PostMapping("/scope/profile")
    @PreAuthorize(WRITE)
    String save(@RequestParam MultiValueMap<String, String> values, @AuthenticationPrincipal CurrentUser user,
                Model model, HttpServletResponse response, RedirectAttributes redirect) throws JsonProcessingException {
        ProfileForm form = ProfileForm.from(values);
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> document = form.toProfileDocument(problems);
        try {
            if (problems.isEmpty()) {
                var saved = scope.save(JSON.writeValueAsBytes(document), user.username());
                redirect.addFlashAttribute("message", "Profile saved as version " + saved.version()
                        + ". Classification: " + saved.result().classification().code().replace('_', ' ') + ".");
                return "redirect:/scope";
            }
            // ask the reader too, so that the form shows every problem at once, not only the numbers
            problems.addAll(scope.problems(JSON.writeValueAsBytes(document)));
        } catch (InvalidProfileException e) {
            problems.addAll(e.problems());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return showForm(model, form, problems);
    }

    private String showForm(Model model, ProfileForm form, List<FieldProblem> problems) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            errors.computeIfAbsent(topLevel(problem.field()), f -> new ArrayList<>()).add(problem.problem());
        }
        Map<String, List<EntityType>> sectors = new LinkedHashMap<>();
        for (EntityType type : EntityTypes.all()) {
            String group = switch (type.annex()) {
                case ANNEX_I -> "Annex I · ";
                case ANNEX_II -> "Annex II · ";
                case OUTSIDE_ANNEXES -> "Outside the Annexes · ";
            } + type.sector();
            sectors.computeIfAbsent(group, g -> new ArrayList<>()).add(type);
        }
        java.util.Set<String> open = new java.util.HashSet<>();
        sectors.forEach((group, types) -> {
            if (types.stream().anyMatch(t -> form.entityTypes().contains(t.code()))) {
                open.add(group);
            }
        });
        model.addAttribute("openSectors", open);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", errors);
        model.addAttribute("sectors", sectors);
        model.addAttribute("memberStates", MemberStates.all());
        return "scope/profile";
    }

    /** The form field a problem belongs to: {@code entityTypes[2]} to {@code entityTypes}. */
    static String topLevel(String field) {
        int cut = field.length();
        for (char c : new char[] {'[', '.'}) {
            int at = field.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return field.substring(0, cut);
    }
}
