package org.guardian.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guardian.common.FieldProblem;
import org.guardian.common.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code /api/policy/deployments}: a policy team uploads revised {@code .bpmn}, {@code .dmn} and
 * {@code .form} files (multipart, one or more files under any part name, optional {@code name});
 * they are checked first and deployed together, or refused with 422 and the findings.
 * {@code validateOnly=true} checks without deploying.
 */
@RestController
@RequestMapping("/api/policy/deployments")
class PolicyDeploymentController {

  static final int MAX_NAME = 100;

  private final PolicyDeployments deployments;

  PolicyDeploymentController(PolicyDeployments deployments) {
    this.deployments = deployments;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> deploy(MultipartHttpServletRequest request,
      @RequestParam(required = false) String name,
      @RequestParam(defaultValue = "false") boolean validateOnly) {
    if (name != null && name.length() > MAX_NAME) {
      throw new InvalidInputException(List.of(new FieldProblem("name", "不能超过100个字")));
    }
    List<ModelFile> files = new ArrayList<>();
    for (List<MultipartFile> parts : request.getMultiFileMap().values()) {
      for (MultipartFile part : parts) {
        if (part.isEmpty()) {
          continue;
        }
        String fileName = part.getOriginalFilename() == null || part.getOriginalFilename().isBlank()
            ? part.getName() : part.getOriginalFilename();
        try {
          files.add(new ModelFile(fileName, part.getBytes()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    if (validateOnly) {
      return ResponseEntity.ok(Map.of("deployed", false, "findings", deployments.check(files)));
    }
    PolicyDeployments.Result result = deployments.deploy(name, files);
    if (!result.changed()) {
      return ResponseEntity.ok(result);
    }
    return ResponseEntity.created(URI.create("/api/policy/deployments/" + result.deploymentId()))
        .body(result);
  }

  @GetMapping("/{id}")
  PolicyDeployments.Result get(@PathVariable String id) {
    return deployments.get(id);
  }
}
