package org.guardian.system;

import org.guardian.people.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the start page that leads to Tasklist, Cockpit, Admin and the dashboard. */
@Controller
class WebPages {

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String home(Model model) {
    CurrentUser user = CurrentUser.get();
    model.addAttribute("user", user.id());
    model.addAttribute("roles", user.roles().stream().map(r -> r.label()).toList());
    return "home";
  }
}
